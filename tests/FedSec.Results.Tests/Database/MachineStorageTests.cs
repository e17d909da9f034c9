using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

/// <summary><c>runs.machine</c>: the machine a run's training ran on, from its summary.json.</summary>
public sealed class MachineStorageTests
{
    [Fact]
    public void Ingest_SummariesWithAndWithoutAMachine_StoresThemAndCountsTheRecordedOnes()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);
        string?[] machines = ["EPYC; x64 avx512", "EPYC; x64 avx512", "Xeon; x64 avx2", null];
        for (int i = 0; i < machines.Length; i++)
        {
            string runDir = Path.Combine(tmp.Path, "runs", $"m{i}");
            RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9) with { Machine = machines[i] }, [RunDirectoryWriter.Round(0, 0.9)]);
            db.Ingest(RunDirectoryWriter.PlainRun($"00000000000000e{i}"), runDir, 1);
        }

        Assert.Contains("\"machine\": \"Xeon; x64 avx2\"", File.ReadAllText(Path.Combine(tmp.Path, "runs", "m2", "summary.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("machine", File.ReadAllText(Path.Combine(tmp.Path, "runs", "m3", "summary.json")), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { ["EPYC; x64 avx512"] = 2, ["Xeon; x64 avx2"] = 1 }, db.MachineCounts());
        Assert.Equal(machines, db.Read().Runs.OrderBy(r => r.RunKey, StringComparer.Ordinal).Select(r => r.Machine));
    }
}
