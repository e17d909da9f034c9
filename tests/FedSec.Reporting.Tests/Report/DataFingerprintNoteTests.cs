using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class DataFingerprintNoteTests
{
    private const string A = "sha256:aaaaaaaaaaaa0000000000000000000000000000000000000000000000000000";
    private const string B = "sha256:bbbbbbbbbbbb1111111111111111111111111111111111111111111111111111";

    private static StoredRun Run(string key, string? fingerprint, string dataset = "fashion_mnist") => new(
        key,
        $"seed={key}",
        new Dictionary<string, string> { ["attack"] = "none", ["defense"] = "none", ["seed"] = key },
        0, string.Empty, string.Empty, dataset, "lenet5", 3, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty)
    {
        DataFingerprint = fingerprint,
    };

    [Fact]
    public void For_OneDataSetVersion_NamesItsFingerprintAndTheRunsWithout()
    {
        Assert.Equal(
            " Data: fashion_mnist sha256:aaaaaaaaaaaa (2 run(s); 1 run(s) stored before fingerprints were recorded).",
            DataFingerprintNote.For([Run("1", A), Run("2", A), Run("3", null)]));
    }

    [Fact]
    public void For_TwoVersionsOfOneDataSet_Warns_MostRunsFirst()
    {
        string note = DataFingerprintNote.For([Run("1", B), Run("2", A), Run("3", A), Run("4", A, "mnist")]);

        Assert.Contains("WARNING: the fashion_mnist runs were made on 2 different data sets: sha256:aaaaaaaaaaaa (2 run(s)), sha256:bbbbbbbbbbbb (1 run(s))", note, StringComparison.Ordinal);
        Assert.Contains("Data: mnist sha256:aaaaaaaaaaaa (1 run(s)).", note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ARunInTwoCells_CountedOnce()
    {
        var run = Run("1", A);
        Assert.Equal(" Data: fashion_mnist sha256:aaaaaaaaaaaa (1 run(s)).", DataFingerprintNote.For([run, run with { Label = "other" }]));
    }

    [Fact]
    public void For_NoFingerprint_Nothing()
    {
        Assert.Equal(string.Empty, DataFingerprintNote.For([Run("1", null)]));
    }
}
