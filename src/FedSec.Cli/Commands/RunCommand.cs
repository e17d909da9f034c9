using FedSec.Fetch;
using FedSec.Data.Npy;
using System.Globalization;
using System.Text.Json;
using FedSec.Cli.Console;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Output;
using FedSec.Simulation;
using FedSec.Torch.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary><c>fedsec run [config.yaml]</c>: validates, loads data, runs the rounds with live progress, writes results.</summary>
internal static class RunCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help", "print-config", "save-model");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine(HelpText.Run);
            return 0;
        }

        if (parsed.Positional.Count > 1)
        {
            throw new UsageException($"'fedsec run' takes one configuration file, not {parsed.Positional.Count}: {string.Join(" ", parsed.Positional)}.");
        }

        var factory = ExperimentFactory.CreateDefault();
        factory.Fetcher = new DatasetFetcher();
        var ns = parsed.Positional.Count == 1 ? ConfigReader.ParseFile(parsed.Positional[0]) : DefaultConfig.Parse();
        string source = parsed.Positional.Count == 1 ? parsed.Positional[0] : "the embedded default experiment";
        var homes = factory.KeyHomes();
        if (parsed.Option("seed") is { } seed)
        {
            ConfigReader.ApplyOverride(ns, $"{ConfigSections.Common}.random_seed={seed}", homes);
        }

        foreach (var assignment in parsed.Options("set"))
        {
            ConfigReader.ApplyOverride(ns, assignment, homes);
        }

        string? output = parsed.Option("output");
        string? dataDir = parsed.Option("data-dir");
        int? threads = parsed.IntOption("threads");
        int? parallel = parsed.IntOption("parallel");
        bool printOnly = parsed.Switch("print-config");
        bool saveModel = parsed.Switch("save-model");
        parsed.RejectUnknown("run");

        var setup = factory.Bind(ns);
        foreach (var w in setup.Warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }

        if (printOnly)
        {
            AnsiConsole.Write(new Text(ConfigYamlWriter.Write(setup.Config.Namespace)));
            return 0;
        }

        if (threads is { } t)
        {
            if (t < 1)
            {
                throw new UsageException($"--threads expects at least 1, not {t}.");
            }

            factory.TensorThreads = t;
        }

        if (parallel is < 1)
        {
            throw new UsageException($"--parallel expects at least 1 client at a time, not {parallel}.");
        }

        // Clients at a time: by default as many as leave one core per tensor thread. It does not change the numbers.
        factory.ConcurrentClients = parallel ?? Math.Max(1, Environment.ProcessorCount / factory.TensorThreads);

        var c = setup.Config;
        AnsiConsole.MarkupLine($"Running {Markup.Escape(source)}: {Markup.Escape(Describe(c))}");
        string outDir = output ?? Path.Combine("runs", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "config.yaml"), ConfigYamlWriter.Write(c.Namespace));

        using var prepared = FetchProgressView.Run(progress => factory.Prepare(setup, dataDir, progress));
        AnsiConsole.MarkupLine($"Data: {prepared.Split.Info.Name}, {prepared.Data.Clients.Sum(x => x.Count)} training samples over {c.ClientNumInTotal} clients ({EngineParameters.PartitionMethod.Word(c.PartitionMethod)}), {prepared.Data.Test.Count} test samples; model {Markup.Escape(c.Model)} ({prepared.Backend.Layout}); {prepared.Backend.MaxConcurrentTrainings} client(s) training at a time.");
        if (prepared.Experiment.MaliciousIdentities.Count > 0)
        {
            AnsiConsole.MarkupLine($"Malicious clients: {string.Join(", ", prepared.Experiment.MaliciousIdentities.Order())}");
        }

        foreach (var w in prepared.Experiment.CheckInitialModel())
        {
            AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }

        prepared.Experiment.OutputDirectory = outDir;
        ExperimentResult result;
        using (var log = new RoundLogWriter(Path.Combine(outDir, "rounds.jsonl")))
        {
            result = RunWithProgress(prepared.Experiment, c.CommRound, log);
        }

        var summary = RunSummary.From(c, result);
        File.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        if (saveModel)
        {
            // The final global model as a flat float32 vector in the layout's order: model_args.initial_model reads it.
            NpyFile.Write(Path.Combine(outDir, "final_model.npy"), result.FinalGlobal, result.FinalGlobal.Length);
        }

        ResultTables.Show(result, summary);
        if (result.Diverged is { } diverged)
        {
            // A diverged run is a result (the attack or the settings broke training), not a failure: exit code 0.
            AnsiConsole.MarkupLine($"[yellow]Diverged in round {diverged.Round + 1}:[/] {Markup.Escape(diverged.Reason)}. The run stopped there; that round was evaluated on the non-finite model, and its accuracy is the run's final accuracy (status 'diverged' in summary.json).");
        }

        AnsiConsole.MarkupLine($"Results in [bold]{Markup.Escape(Path.GetFullPath(outDir))}[/] (rounds.jsonl, summary.json, config.yaml{(saveModel ? ", final_model.npy" : "")}).");
        return 0;
    }

    private static ExperimentResult RunWithProgress(Experiment experiment, int rounds, RoundLogWriter log)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return experiment.Run(new CompositeObserver(new ProgressObserver(null, rounds), log));
        }

        ExperimentResult result = null!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => result = experiment.Run(new CompositeObserver(new ProgressObserver(ctx, rounds), log)));
        return result;
    }

    private static string Describe(ExperimentConfig c)
    {
        string attack = c.EnableAttack ? c.AttackType ?? "none" : "no attack";
        string defense = c.EnableDefense && c.DefenseTypes.Count > 0 ? string.Join(" → ", c.DefenseTypes) : "no defense";
        return $"{c.Dataset}, {c.Model}, {c.ClientNumInTotal} clients ({c.ClientNumPerRound} per round), {c.CommRound} rounds, {EngineParameters.FederatedOptimizer.Word(c.FederatedOptimizer)}; {attack}; {defense}; seed {c.RandomSeed}";
    }
}
