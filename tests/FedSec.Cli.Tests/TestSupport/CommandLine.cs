using Spectre.Console.Testing;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Runs the fedsec command line in this process, on a test console.</summary>
internal static class CommandLine
{
    /// <summary>The exit code and everything written to the console (no line wrapping).</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(int.MaxValue);
        int code = FedSecApp.Run(args, console);
        return (code, console.Output);
    }
}
