using FedSec.Cli.Tests.TestSupport;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace FedSec.Cli.Tests;

/// <summary>The command line as a whole: help, version, unknown commands and options, and what each error exits with.</summary>
public sealed class FedSecAppTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Run_NoArguments_PrintsHelpAndExits2()
    {
        var (code, output) = CommandLine.Run();

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("USAGE:", output, StringComparison.Ordinal);
        Assert.All(FedSecApp.CommandNames, c => Assert.Contains(c, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_ListsEveryCommandAndExitsZero(string help)
    {
        var (code, output) = CommandLine.Run(help);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.All(FedSecApp.CommandNames, c => Assert.Contains($"    {c}", output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "--save-model")]
    [InlineData("bench", "--dry-run")]
    [InlineData("report", "--only")]
    [InlineData("export", "--format")]
    [InlineData("list", "[TOPICS]")]
    [InlineData("data fetch", "--data-dir")]
    [InlineData("aggregate", "--verdicts")]
    public void Run_CommandHelp_ShowsItsUsageAndOptionsAndExitsZero(string command, string option)
    {
        var (code, output) = CommandLine.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"fedsec {command}", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Version_PrintsTheVersionWithItsCommitAndExitsZero()
    {
        var (code, output) = CommandLine.Run("--version");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"fedsec {FedSec.Output.FedSecBuild.Current}", output.Trim());
    }

    [Fact]
    public void Run_UnknownCommand_Exits2NamingItAndListingTheCommands()
    {
        var (code, output) = CommandLine.Run("frobnicate");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: 'frobnicate' is not a fedsec command; the commands are run, bench, report, export, list, data, aggregate, privacy, server, client, certs and lm", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "run")]
    [InlineData("bench", "bench grid.yaml")]
    [InlineData("report", "report results")]
    [InlineData("export", "export results")]
    [InlineData("list", "list")]
    [InlineData("data fetch", "data fetch mnist")]
    [InlineData("aggregate", "aggregate --defense krum --input u.npy --output r.npy")]
    [InlineData("privacy epsilon", "privacy epsilon --noise-multiplier 1 --sample-rate 0.1 --steps 3 --delta 1e-5")]
    public void Run_UnknownOption_Exits2NamingTheOptionAndTheHelp(string command, string line)
    {
        var (code, output) = CommandLine.Run([.. line.Split(' '), "--frobnicate", "3"]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains($"error: 'fedsec {command}' has no option --frobnicate; see 'fedsec {command} --help'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionWithoutItsValue_Exits2NamingTheOption()
    {
        var (code, output) = CommandLine.Run("run", "--seed");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: Option 'seed' is defined but no value has been provided; see 'fedsec run --help'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingRequiredArgument_Exits2NamingIt()
    {
        var (code, output) = CommandLine.Run("bench");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("GRID", output, StringComparison.Ordinal);
        Assert.Contains("see 'fedsec bench --help'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoConfigurationFiles_Exits2NamingTheSecond()
    {
        var (code, output) = CommandLine.Run("run", "a.yaml", "b.yaml");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'b.yaml'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DataWithoutACommand_PrintsTheDataHelpAndExits2()
    {
        var (code, output) = CommandLine.Run("data");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("fetch <NAME>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PrivacyWithoutACommand_PrintsThePrivacyHelpAndExits2()
    {
        var (code, output) = CommandLine.Run("privacy");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("epsilon", output, StringComparison.Ordinal);
        Assert.Contains("noise", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadConfigurationValue_Exits3NamingTheKey()
    {
        var (code, output) = CommandLine.Run("run", "--set", "train_args.comm_round=abc", "--print-config");

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("train_args.comm_round", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingConfigurationFile_Exits3NamingIt()
    {
        var (code, output) = CommandLine.Run("run", _dir.File("absent.yaml"), "--print-config");

        Assert.Equal(ExitCodes.Config, code);
        Assert.Contains("absent.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_EveryExample_Parses()
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            FedSecApp.Configure(c, new TestConsole());
            c.ValidateExamples();
        });

        Assert.Equal(0, app.Run(["--help"]));
    }

    public void Dispose() => _dir.Dispose();
}
