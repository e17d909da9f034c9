using FedSec.Output;
using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

/// <summary><c>runs.data_fingerprint</c>: the data set a run was made on, from its summary.json.</summary>
public sealed class DataFingerprintStorageTests
{
    private const string Fingerprint = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static GridRun Run(string key) => RunDirectoryWriter.PlainRun(key);

    [Fact]
    public void Ingest_SummaryWithAFingerprint_StoresItAndReadsItBack()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "f");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9) with { DataFingerprint = Fingerprint }, [RunDirectoryWriter.Round(0, 0.9)]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000e1"), runDir, 1);

        Assert.Contains($"\"data_fingerprint\": \"{Fingerprint}\"", File.ReadAllText(Path.Combine(runDir, "summary.json")), StringComparison.Ordinal);
        Assert.Equal(Fingerprint, SqlProbe.Value(path, "SELECT data_fingerprint FROM runs;"));
        Assert.Equal(Fingerprint, Assert.Single(db.Read().Runs).DataFingerprint);
    }

    [Fact]
    public void Ingest_SummaryWithoutOne_StoresNull()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "g");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000e2"), runDir, 1);

        Assert.DoesNotContain("data_fingerprint", File.ReadAllText(Path.Combine(runDir, "summary.json")), StringComparison.Ordinal);
        Assert.Null(Assert.Single(db.Read().Runs).DataFingerprint);
    }
}
