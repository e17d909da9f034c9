using FedSec.Cli.Commands.Bench;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Simulation;
using Spectre.Console.Testing;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class BenchConclusionTests
{
    [Fact]
    public void ExitCode_Interrupted_Is130() =>
        Assert.Equal(130, new BenchConclusion(4, 0, [Stored("a")], 0, Interrupted: true).ExitCode);

    [Fact]
    public void ExitCode_ARunFailed_Is1() =>
        Assert.Equal(1, new BenchConclusion(4, 2, [Stored("a"), Failed("b")], 0, Interrupted: false).ExitCode);

    [Fact]
    public void ExitCode_AllStoredOneDiverged_Is0() =>
        Assert.Equal(0, new BenchConclusion(2, 0, [Stored("a"), Stored("b") with { Diverged = new Divergence(3, DivergenceStage.LocalTraining, 1, "NaN") }], 0, Interrupted: false).ExitCode);

    [Fact]
    public void Done_AlreadyFinishedPlusStoredNow()
    {
        var conclusion = new BenchConclusion(5, 2, [Stored("a"), Failed("b"), Stored("c")], 0, Interrupted: false);

        Assert.Equal(2, conclusion.Stored);
        Assert.Equal(4, conclusion.Done);
    }

    [Fact]
    public void Show_AFailureAndAdoptedRuns_NamesTheFailedRunAndCountsTheAdopted()
    {
        var console = new TestConsole().Width(int.MaxValue);

        new BenchConclusion(3, 0, [Stored("a"), Stored("b"), Failed("c")], 1, Interrupted: false).Show(console, "out");

        Assert.Contains("failed: seed=c (key-c): exit code 4: boom", console.Output, StringComparison.Ordinal);
        Assert.Contains("2 runs finished now (1 of them completed by the runs of an earlier, interrupted bench and stored now), 2 of 3 in all, 1 failed", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Interrupted_SaysHowToResume()
    {
        var console = new TestConsole().Width(int.MaxValue);

        new BenchConclusion(3, 1, [Stored("a")], 0, Interrupted: true).Show(console, "out");

        Assert.Contains("Interrupted. 2 of 3 runs are finished and kept; run the same command to resume.", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_InterruptedRerun_SaysToResumeWithoutRerun()
    {
        var console = new TestConsole().Width(int.MaxValue);

        new BenchConclusion(3, 1, [Stored("a")], 0, Interrupted: true) { Rerun = true }.Show(console, "out");

        Assert.Contains("Interrupted. 2 of 3 runs are finished and kept; run the same command without --rerun (with it, the runs finished now would be forgotten again) to resume.", console.Output, StringComparison.Ordinal);
    }

    private static GridRunOutcome Stored(string key) => new(Plan(key), true, null, 1);

    private static GridRunOutcome Failed(string key) => new(Plan(key), false, "exit code 4: boom", 1);

    private static GridRunPlan Plan(string key) =>
        new($"key-{key}", $"seed={key}", new Dictionary<string, string>(), 0, ConfigReader.Parse("common_args: { random_seed: 0 }\n", "grid.yaml"));
}
