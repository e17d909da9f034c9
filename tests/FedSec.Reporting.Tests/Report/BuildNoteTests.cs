using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class BuildNoteTests
{
    private const string Old = "1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb";
    private const string New = "1.0.0+765bcf8aaaaabbbbbccccc0000011111222223333";

    private static StoredRun Run(string key, string? build) => new(
        key,
        $"seed={key}",
        new Dictionary<string, string> { ["attack"] = "none", ["defense"] = "none", ["seed"] = key },
        0, string.Empty, string.Empty, "mnist", "lenet5", 3, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty)
    {
        Build = build,
    };

    [Fact]
    public void For_OneBuild_NamesItWithItsCommitShortened_AndTheRunsWithout()
    {
        Assert.Equal(
            " Made by fedsec 1.0.0+ea0c7851d908 (2 run(s); 1 run(s) stored before builds were recorded).",
            BuildNote.For([Run("1", Old), Run("2", Old), Run("3", null)]));
    }

    [Fact]
    public void For_TwoBuilds_NamesBoth_MostRunsFirst_AndHowToRerun()
    {
        string note = BuildNote.For([Run("1", Old), Run("2", New), Run("3", New)]);

        Assert.StartsWith(" Made by 2 fedsec builds: 1.0.0+765bcf8aaaaa (2 run(s)), 1.0.0+ea0c7851d908 (1 run(s));", note, StringComparison.Ordinal);
        Assert.Contains("--rerun", note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ARunInTwoCells_CountedOnce()
    {
        var run = Run("1", Old);
        Assert.Equal(" Made by fedsec 1.0.0+ea0c7851d908 (1 run(s)).", BuildNote.For([run, run with { Label = "other" }]));
    }

    [Fact]
    public void For_NoBuildRecorded_Nothing()
    {
        Assert.Equal(string.Empty, BuildNote.For([Run("1", null), Run("2", null)]));
    }
}
