using FedSec.Results.Database;

namespace FedSec.Results.Tests.Database;

/// <summary>A language model's perplexity in the results database: <c>runs.final_perplexity</c> and <c>rounds.perplexity</c>.</summary>
public sealed class PerplexityStorageTests
{
    private static GridRun Run(string key) => RunDirectoryWriter.PlainRun(key);

    [Fact]
    public void Ingest_LanguageModelRun_StoresFinalAndPerRoundPerplexity()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "t");
        RunDirectoryWriter.Write(
            runDir,
            RunDirectoryWriter.Summary(2, 0.2) with { Dataset = "sotu", Model = "gpt_neox", FinalPerplexity = 300.5 },
            [RunDirectoryWriter.Round(0, 0.1) with { Perplexity = 400.25 }, RunDirectoryWriter.Round(1, 0.2) with { Perplexity = 300.5 }]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000e1"), runDir, 2);

        Assert.Equal(300.5, SqlProbe.Value(path, "SELECT final_perplexity FROM runs;"));
        Assert.Equal(400.25, SqlProbe.Value(path, "SELECT perplexity FROM rounds WHERE round = 0;"));
        Assert.Equal(300.5, SqlProbe.Value(path, "SELECT perplexity FROM rounds WHERE round = 1;"));
    }

    [Fact]
    public void Ingest_ImageRun_StoresNullPerplexity()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "i");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        string path = tmp.File(ResultsDatabase.FileName);
        using var db = ResultsDatabase.Open(path);

        db.Ingest(Run("00000000000000e2"), runDir, 1);

        Assert.Equal(DBNull.Value, SqlProbe.Value(path, "SELECT final_perplexity FROM runs;"));
        Assert.Equal(DBNull.Value, SqlProbe.Value(path, "SELECT perplexity FROM rounds;"));
    }
}
