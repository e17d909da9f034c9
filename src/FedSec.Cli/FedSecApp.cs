using FedSec.Cli.Commands;
using FedSec.Cli.Commands.Aggregate;
using FedSec.Cli.Commands.Bench;
using FedSec.Cli.Commands.Certs;
using FedSec.Cli.Commands.Client;
using FedSec.Cli.Commands.Data;
using FedSec.Cli.Commands.Export;
using FedSec.Cli.Commands.Listing;
using FedSec.Cli.Commands.Lm;
using FedSec.Cli.Commands.Privacy;
using FedSec.Cli.Commands.Report;
using FedSec.Cli.Commands.Run;
using FedSec.Cli.Commands.Server;
using FedSec.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli;

/// <summary>
/// The <c>fedsec</c> command line (Spectre.Console.Cli): one command per verb, each with a settings class that
/// validates itself. An expected error becomes one line, <c>error: …</c>, and an exit code (<see cref="ExitCodes"/>);
/// any other is a bug and keeps its stack trace.
/// </summary>
internal static class FedSecApp
{
    /// <summary>The commands, in the order the help lists them.</summary>
    public static readonly string[] CommandNames = ["run", "bench", "report", "export", "list", "data", "aggregate", "privacy", "server", "client", "certs", "lm"];

    /// <summary>Runs the command line <paramref name="args"/>, writing to <paramref name="console"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var app = new CommandApp();
        app.Configure(c => Configure(c, console));
        if (args is ["help"])
        {
            args = ["--help"];
        }

        try
        {
            if (args.Count == 0 || args is ["data"] or ["privacy"] or ["certs"] or ["lm"])
            {
                // A command (or a data command) is missing: the help, as a usage error.
                app.Run([.. args, "--help"], cancellationToken);
                return ExitCodes.Usage;
            }

            return app.Run(args, cancellationToken);
        }
        catch (Exception e) when (ExitCodes.For(e) is { } code)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ErrorMessage.For(e, args))}");
            return code;
        }
    }

    /// <summary>Declares the commands and how the application parses and reports.</summary>
    public static void Configure(IConfigurator config, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("fedsec");
        config.SetApplicationVersion($"fedsec {FedSecBuild.Current}");
        config.ConfigureConsole(console);
        config.PropagateExceptions();
        config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(new UnknownOptionGuard());

        config.AddCommand<RunCommand>("run")
            .WithDescription(RunCommand.Description)
            .WithExample("run")
            .WithExample("run", "examples/attacks/alie.yaml", "--seed", "3", "--output", "runs/alie")
            .WithExample("run", "examples/no_attack.yaml", "--set", "train_args.comm_round=3", "--save-model");
        config.AddCommand<BenchCommand>("bench")
            .WithDescription(BenchCommand.Description)
            .WithExample("bench", "examples/paper/mnist.yaml", "--dry-run")
            .WithExample("bench", "examples/paper/mnist.yaml", "--parallel", "2", "--output", "results/suite")
            .WithExample("bench", "examples/paper/worst-case.yaml", "--shard", "2/3", "--output", "results/wc-2");
        config.AddCommand<ReportCommand>("report")
            .WithDescription(ReportCommand.Description)
            .WithExample("report", "results/mnist", "--only", "defense=none,krum", "--only", "attack=none,alie");
        config.AddCommand<ExportCommand>("export")
            .WithDescription(ExportCommand.Description)
            .WithExample("export", "results/mnist", "--format", "parquet", "--to", "tables");
        config.AddCommand<ListCommand>("list")
            .WithDescription(ListCommand.Description)
            .WithExample("list", "defenses");
        config.AddBranch("data", data =>
        {
            data.SetDescription("Data sets: 'fedsec data fetch NAME' downloads one.");
            data.AddCommand<DataFetchCommand>("fetch")
                .WithDescription(DataFetchCommand.Description)
                .WithExample("data", "fetch", "mnist");
        });
        config.AddBranch("lm", lm =>
        {
            lm.SetDescription("Language models: 'fedsec lm loss' checks a GPT-NeoX checkpoint; 'fedsec lm pretrain' trains a small one.");
            lm.AddCommand<LmLossCommand>("loss")
                .WithDescription(LmLossCommand.Description)
                .WithExample("lm", "loss", "--model", "pythia-70m", "--text", "speech.txt");
            lm.AddCommand<LmPretrainCommand>("pretrain")
                .WithDescription(LmPretrainCommand.Description)
                .WithExample("lm", "pretrain", "examples/lm/pretrain-brown.yaml");
        });
        config.AddBranch("privacy", privacy =>
        {
            privacy.SetDescription("Differential privacy's accounting: 'fedsec privacy epsilon' and 'fedsec privacy noise'.");
            privacy.AddCommand<PrivacyEpsilonCommand>("epsilon")
                .WithDescription(PrivacyEpsilonCommand.Description)
                .WithExample("privacy", "epsilon", "--noise-multiplier", "1.1", "--sample-rate", "0.1", "--steps", "100", "--delta", "1e-5");
            privacy.AddCommand<PrivacyNoiseCommand>("noise")
                .WithDescription(PrivacyNoiseCommand.Description)
                .WithExample("privacy", "noise", "--epsilon", "4", "--sample-rate", "0.1", "--steps", "100", "--delta", "1e-5");
        });
        config.AddCommand<AggregateCommand>("aggregate")
            .WithDescription(AggregateCommand.Description)
            .WithExample("aggregate", "--defense", "krum", "--param", "krum_param_m=3", "--input", "updates.npy", "--output", "result.npy");
        config.AddCommand<ServerCommand>("server")
            .WithDescription(ServerCommand.Description)
            .WithExample("server", "examples/attacks/alie.yaml", "--certs", "certs", "--output", "runs/alie-net")
            .WithExample("server", "examples/no_attack.yaml", "--insecure", "--listen", "http://127.0.0.1:50051");
        config.AddCommand<ClientCommand>("client")
            .WithDescription(ClientCommand.Description)
            .WithExample("client", "--server", "https://server.example:50051", "--ca", "certs/ca.pem", "--key", "certs/node-0.key", "--clients", "0-4")
            .WithExample("client", "--server", "http://127.0.0.1:50051", "--insecure", "--clients", "5-9");
        config.AddBranch("certs", certs =>
        {
            certs.SetDescription("Certificates and node keys for distributed runs: 'fedsec certs create DIR'.");
            certs.AddCommand<CertsCreateCommand>("create")
                .WithDescription(CertsCreateCommand.Description)
                .WithExample("certs", "create", "certs", "--host", "server.example", "--nodes", "3");
        });
    }
}
