using FedSec.Cli.Commands;
using FedSec.Configuration;
using Spectre.Console;

namespace FedSec.Cli;

/// <summary>The <c>fedsec</c> command: run experiments, list components, fetch data.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            // Before libtorch loads, which reads its log level once: its C++ warnings stay off standard error.
            FedSec.Torch.LibTorchLogging.QuietWarnings();

            // Keeps libtorch's per-step buffers mapped instead of unmapping and faulting them in afresh each step.
            FedSec.Torch.NativeAllocatorTuning.Apply();
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                AnsiConsole.WriteLine(HelpText.Main);
                return args.Length == 0 ? 2 : 0;
            }

            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "run" => RunCommand.Execute(rest),
                "list" => ListCommand.Execute(rest),
                "data" => DataCommand.Execute(rest),
                "aggregate" => AggregateCommand.Execute(rest),
                "bench" => BenchCommand.Execute(rest),
                "export" => ExportCommand.Execute(rest),
                "report" => ReportCommand.Execute(rest),
                "--version" => Version(),
                _ => throw new UsageException($"'{args[0]}' is not a fedsec command; the commands are run, bench, report, export, list, data and aggregate (see 'fedsec --help')."),
            };
        }
        catch (UsageException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 2;
        }
        catch (ConfigException e)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 3;
        }
        catch (Exception e) when (e is FedSec.Data.DataFormatException or FedSec.Simulation.InvalidUpdateException or IOException or InvalidDataException)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return 4;
        }
    }

    private static int Version()
    {
        AnsiConsole.WriteLine($"fedsec {typeof(Program).Assembly.GetName().Version}");
        return 0;
    }
}
