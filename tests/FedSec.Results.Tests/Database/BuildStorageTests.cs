using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

/// <summary><c>runs.build</c>: the FedSec build that made a run, from its summary.json, kept by a merge.</summary>
public sealed class BuildStorageTests
{
    private const string Build = "1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb";

    [Fact]
    public void Ingest_SummariesWithAndWithoutABuild_StoresIt_AndAMergeKeepsIt()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(Path.Combine("a", ResultsDatabase.FileName));
        using (var db = ResultsDatabase.Open(path))
        {
            string?[] builds = [Build, null];
            for (int i = 0; i < builds.Length; i++)
            {
                string runDir = Path.Combine(tmp.Path, "a", "runs", $"b{i}");
                RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9) with { Build = builds[i] }, [RunDirectoryWriter.Round(0, 0.9)]);
                db.Ingest(RunDirectoryWriter.PlainRun($"00000000000000e{i}"), runDir, 1);
            }

            Assert.Equal([Build, null], db.Read().Runs.OrderBy(r => r.RunKey, StringComparer.Ordinal).Select(r => r.Build));
        }

        using var merged = ResultsDatabase.Open(tmp.File(Path.Combine("b", ResultsDatabase.FileName)));
        merged.Merge(path);

        Assert.Equal([Build, null], merged.Read().Runs.OrderBy(r => r.RunKey, StringComparer.Ordinal).Select(r => r.Build));
        Assert.Equal([Build, null], ResultsDatabase.ReadSnapshot(path).Runs.OrderBy(r => r.RunKey, StringComparer.Ordinal).Select(r => r.Build));
    }
}
