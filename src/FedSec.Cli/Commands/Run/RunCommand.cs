using System.Diagnostics;
using FedSec.Cli.Console;
using FedSec.Configuration;
using FedSec.Fetch;
using FedSec.Results.Grid;
using FedSec.Simulation;
using FedSec.Torch.Simulation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Run;

/// <summary><c>fedsec run [CONFIG]</c>: validates, loads data, runs the rounds with live progress, writes the results.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Runs an experiment described by a FedML-style YAML file (no file: the embedded default). A run whose model turns "
        + "non-finite (diverged) stops after evaluating that round, says where, records status 'diverged' and exits 0: it is a result.";

    /// <summary>How long a bench's child waits for its run directory's lock (a holder can only be an orphan, ending).</summary>
    private static readonly TimeSpan ChildLockWait = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        using var child = settings.ChildOfBench ? GridChildSession.Enter(settings.Output!, System.Console.OpenStandardInput(), EndThisProcess, ChildLockWait) : null;
        var factory = Components.CreateFactory();
        factory.Fetcher = new DatasetFetcher();
        var input = RunInput.Load(settings, factory.Components);
        var setup = factory.Bind(input.Config);
        Warnings.Show(console, setup.Warnings);
        if (settings.PrintConfig)
        {
            console.Write(new Text(ConfigYamlWriter.Write(setup.Config.Namespace)));
            return ExitCodes.Ok;
        }

        factory.TensorThreads = settings.Threads;
        factory.ConcurrentClients = settings.ClientsAtOnce(Environment.ProcessorCount);
        var config = setup.Config;
        console.MarkupLine($"Running {Markup.Escape(input.Source)}: {Markup.Escape(ExperimentDescription.Of(config))}");
        var output = new RunOutput(settings.Output ?? RunOutput.DefaultDirectory(DateTime.Now));
        output.WriteConfig(config.Namespace);

        using var prepared = FetchProgressView.Run(console, progress => factory.Prepare(setup, settings.DataDir, progress));
        console.WriteLine(ExperimentDescription.Prepared(prepared, config));
        if (prepared.Experiment.MaliciousIdentities.Count > 0)
        {
            console.WriteLine($"Malicious clients: {string.Join(", ", prepared.Experiment.MaliciousIdentities.Order())}");
        }

        Warnings.Show(console, prepared.Experiment.CheckInitialModel());
        prepared.Experiment.OutputDirectory = output.Directory;
        ExperimentResult result;
        using (var log = output.OpenRoundLog())
        {
            result = ExperimentProgress.Run(console, prepared.Experiment, config.CommRound, log);
        }

        var summary = output.WriteSummary(config, result, factory.TensorThreads);
        if (settings.SaveModel)
        {
            output.WriteModel(result.FinalGlobal);
        }

        ResultTables.Show(console, result, summary);
        if (result.Diverged is { } diverged)
        {
            // A diverged run is a result (the attack or the settings broke training), not a failure: exit code 0.
            console.MarkupLine($"[yellow]Diverged in round {diverged.Round + 1}:[/] {Markup.Escape(diverged.Reason)}. The run stopped there; that round was evaluated on the non-finite model, and its accuracy is the run's final accuracy (status 'diverged' in summary.json).");
        }

        console.MarkupLine($"Results in [bold]{Markup.Escape(Path.GetFullPath(output.Directory))}[/] ({RunOutput.FileList(settings.SaveModel)}).");
        child?.Complete();
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Ends a bench's child whose bench is gone, at once: SIGKILL of itself runs no exit handlers and no libtorch static
    /// destructors that could race a training thread, and its lock goes with it.
    /// </summary>
    private static void EndThisProcess()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
