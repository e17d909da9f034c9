using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

/// <summary><c>runs.tensor_threads</c>: the thread count a run's training ran on, from its summary.json.</summary>
public sealed class TensorThreadsStorageTests
{
    [Fact]
    public void Ingest_SummariesWithAndWithoutACount_StoresThemAndCountsTheRecordedOnes()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);
        int?[] threads = [2, 2, 1, null];
        for (int i = 0; i < threads.Length; i++)
        {
            string runDir = Path.Combine(tmp.Path, "runs", $"t{i}");
            RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9) with { TensorThreads = threads[i] }, [RunDirectoryWriter.Round(0, 0.9)]);
            db.Ingest(RunDirectoryWriter.PlainRun($"00000000000000f{i}"), runDir, 1);
        }

        Assert.Contains("\"tensor_threads\": 2", File.ReadAllText(Path.Combine(tmp.Path, "runs", "t0", "summary.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("tensor_threads", File.ReadAllText(Path.Combine(tmp.Path, "runs", "t3", "summary.json")), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 2 }, db.TensorThreadCounts());
        Assert.Equal([2, 2, 1, null], db.Read().Runs.OrderBy(r => r.RunKey, StringComparer.Ordinal).Select(r => r.TensorThreads));
    }
}
