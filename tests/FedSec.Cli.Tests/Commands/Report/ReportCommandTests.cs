using FedSec.Cli.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace FedSec.Cli.Tests.Commands.Report;

/// <summary><c>fedsec report</c> on stored runs (none is run).</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Execute_TwoConfigsInOneCell_WarnsNamingTheKeyThatDiffers_AndStillWritesTheReport()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: 0.1 }\n"), output);
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: 0.2 }\n"), output); // e.g. a bench with --set into the same directory

        var (code, text) = CommandLine.Run("report", output);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warning: 1 cell(s) hold more than one run with the same axes and seed, made from different configurations: attack=none defense=none seed=0: runs ", Flat(text), StringComparison.Ordinal);
        Assert.Contains("differing in train_args.learning_rate (", Flat(text), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report", "report.html")));
    }

    [Fact]
    public void Execute_OneRunPerCell_NoWarning()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1, learning_rate: [0.1, 0.2] }\n"), output);

        var (code, text) = CommandLine.Run("report", output);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.DoesNotContain("warning", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ControlDirectoryWithoutResults_DataErrorNamingTheOptionAndTheFile()
    {
        string output = _dir.File("out");
        FinishedGrid.Mark(Grid("train_args: { comm_round: 1 }\n"), output);
        string control = _dir.File("controls");
        Directory.CreateDirectory(control);

        var (code, text) = CommandLine.Run("report", output, "--control", control);

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains($"error: --control {control}: {Path.Combine(control, "results.db")} does not exist", Flat(text), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "report", "report.html")));
    }

    // The console wraps long lines.
    private static string Flat(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries));

    private string Grid(string yaml)
    {
        string path = _dir.File("grid.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
