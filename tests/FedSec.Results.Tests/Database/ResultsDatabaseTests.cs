using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;
using FedSec.Stages;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Database;

public sealed class ResultsDatabaseTests
{
    private static GridRun Run(string key, string attack = "byzantine", string defense = "krum", long seed = 0) => new(
        key,
        $"attack={attack} defense={defense} seed={seed}",
        new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture), ["malicious"] = "1" },
        seed,
        "common_args:\n  random_seed: 0\n");

    private static void WriteThreeRounds(string dir) => RunDirectoryWriter.Write(
        dir,
        RunDirectoryWriter.Summary(3, 0.9, new DefenseDetectionSummary("krum", 2, 1, 1, 8, 2.0 / 3, 2.0 / 3)),
        [
            RunDirectoryWriter.Round(0, 0.5, RunDirectoryWriter.Krum(1, 0, 0, 3)),
            RunDirectoryWriter.Round(1, 0.7, RunDirectoryWriter.Krum(0, 0, 1, 3)),
            RunDirectoryWriter.Round(2, 0.9, RunDirectoryWriter.Krum(1, 1, 0, 2)),
        ]);

    [Fact]
    public void Open_NewFile_CreatesTablesInWalMode()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        using (ResultsDatabase.Open(path))
        {
        }

        Assert.Equal("wal", SqlProbe.Value(path, "PRAGMA journal_mode;"));
        Assert.Equal(6, SqlProbe.Count(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('runs','run_axes','rounds','detection','round_detection','reconstructions');"));
    }

    [Fact]
    public void Ingest_FinishedRun_WritesRunAxesRoundsAndDetectionRows()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string runDir = Path.Combine(tmp.Path, "runs", "0123456789abcdef");
        WriteThreeRounds(runDir);

        using (var db = ResultsDatabase.Open(path))
        {
            db.Ingest(Run("0123456789abcdef"), runDir, 12.5);
        }

        Assert.Equal("runs/0123456789abcdef", SqlProbe.Value(path, "SELECT run_dir FROM runs;"));
        Assert.Equal(0.9, (double)SqlProbe.Value(path, "SELECT final_accuracy FROM runs;")!, 12);
        Assert.Equal(12.5, (double)SqlProbe.Value(path, "SELECT wall_seconds FROM runs;")!, 12);
        Assert.Equal("krum", SqlProbe.Value(path, "SELECT defense FROM runs;"));
        Assert.Equal("1", SqlProbe.Value(path, "SELECT value FROM run_axes WHERE axis = 'malicious';"));
        Assert.Equal(4, SqlProbe.Count(path, "SELECT COUNT(*) FROM run_axes;"));
        Assert.Equal(3, SqlProbe.Count(path, "SELECT COUNT(*) FROM rounds;"));
        Assert.Equal(0.7, (double)SqlProbe.Value(path, "SELECT accuracy FROM rounds WHERE round = 1;")!, 12);
        Assert.Equal("{\"attack_success_rate\":0.35}", SqlProbe.Value(path, "SELECT metrics_json FROM rounds WHERE round = 1;"));
        Assert.Equal("[3]", SqlProbe.Value(path, "SELECT attacked_json FROM rounds WHERE round = 2;"));
        Assert.Equal(2, SqlProbe.Count(path, "SELECT tp FROM detection WHERE defense = 'krum';"));
        Assert.Equal(3, SqlProbe.Count(path, "SELECT COUNT(*) FROM round_detection;"));
        Assert.Equal(1, SqlProbe.Count(path, "SELECT fn FROM round_detection WHERE round = 1;"));
    }

    [Fact]
    public void Ingest_UndefinedPrecision_StoresNull()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string runDir = tmp.File("run");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9, new DefenseDetectionSummary("krum", 0, 0, 1, 3, double.NaN, 0)), [RunDirectoryWriter.Round(0, 0.9, RunDirectoryWriter.Krum(0, 0, 1, 3))]);

        using (var db = ResultsDatabase.Open(path))
        {
            db.Ingest(Run("00000000000000aa"), runDir, 1);
        }

        Assert.Equal(1, SqlProbe.Count(path, "SELECT COUNT(*) FROM detection WHERE precision IS NULL AND recall = 0;"));
        Assert.Equal(1, SqlProbe.Count(path, "SELECT COUNT(*) FROM round_detection WHERE precision IS NULL;"));
    }

    [Fact]
    public void Ingest_SameKeyTwice_ReplacesEarlierRows()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string first = tmp.File("first"), second = tmp.File("second");
        WriteThreeRounds(first);
        RunDirectoryWriter.Write(second, RunDirectoryWriter.Summary(2, 0.6), [RunDirectoryWriter.Round(0, 0.4), RunDirectoryWriter.Round(1, 0.6)]);

        using (var db = ResultsDatabase.Open(path))
        {
            db.Ingest(Run("0123456789abcdef"), first, 1);
            db.Ingest(Run("0123456789abcdef", defense: "none"), second, 2);
        }

        Assert.Equal(1, SqlProbe.Count(path, "SELECT COUNT(*) FROM runs;"));
        Assert.Equal("none", SqlProbe.Value(path, "SELECT defense FROM runs;"));
        Assert.Equal(0.6, (double)SqlProbe.Value(path, "SELECT final_accuracy FROM runs;")!, 12);
        Assert.Equal(2, SqlProbe.Count(path, "SELECT COUNT(*) FROM rounds;"));
        Assert.Equal(4, SqlProbe.Count(path, "SELECT COUNT(*) FROM run_axes;"));
        Assert.Equal(0, SqlProbe.Count(path, "SELECT COUNT(*) FROM detection;"));
        Assert.Equal(0, SqlProbe.Count(path, "SELECT COUNT(*) FROM round_detection;"));
    }

    [Fact]
    public void Ingest_CorruptRoundsFile_ThrowsNamingFileAndWritesNothing()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string good = tmp.File("good"), bad = tmp.File("bad");
        WriteThreeRounds(good);
        WriteThreeRounds(bad);
        string rounds = Path.Combine(bad, "rounds.jsonl");
        File.WriteAllText(rounds, File.ReadAllText(rounds)[..^20]);

        using var db = ResultsDatabase.Open(path);
        db.Ingest(Run("1111111111111111"), good, 1);
        var e = Assert.Throws<RunFilesException>(() => db.Ingest(Run("1111111111111111", defense: "none"), bad, 1));
        var fresh = Assert.Throws<RunFilesException>(() => db.Ingest(Run("2222222222222222"), bad, 1));

        Assert.Equal(rounds, e.FilePath);
        Assert.Contains(rounds, e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Equal(rounds, fresh.FilePath);
        Assert.Equal(new[] { "1111111111111111" }, db.FinishedRunKeys());
        Assert.Equal("krum", SqlProbe.Value(path, "SELECT defense FROM runs;"));
        Assert.Equal(3, SqlProbe.Count(path, "SELECT COUNT(*) FROM rounds;"));
    }

    [Fact]
    public void Ingest_MissingSummary_ThrowsNamingFile()
    {
        using var tmp = new TempDirectory();
        string runDir = tmp.File("run");
        WriteThreeRounds(runDir);
        File.Delete(Path.Combine(runDir, "summary.json"));
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));

        var e = Assert.Throws<RunFilesException>(() => db.Ingest(Run("0123456789abcdef"), runDir, 1));

        Assert.Equal(Path.Combine(runDir, "summary.json"), e.FilePath);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
        Assert.Empty(db.FinishedRunKeys());
    }

    [Fact]
    public void Ingest_FewerRoundsThanSummary_ThrowsNamingRoundsFile()
    {
        using var tmp = new TempDirectory();
        string runDir = tmp.File("run");
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(3, 0.7), [RunDirectoryWriter.Round(0, 0.5), RunDirectoryWriter.Round(1, 0.7)]);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));

        var e = Assert.Throws<RunFilesException>(() => db.Ingest(Run("0123456789abcdef"), runDir, 1));

        Assert.Equal(Path.Combine(runDir, "rounds.jsonl"), e.FilePath);
        Assert.Empty(db.FinishedRunKeys());
    }

    [Fact]
    public void Ingest_Reconstructions_StoresQualityAndPathsRelativeToDatabase()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string runDir = Path.Combine(tmp.Path, "runs", "dlg");
        var round = RunDirectoryWriter.Round(0, 0.5) with
        {
            Reconstructions = [new ReconstructionReport(2, new Dictionary<string, double> { ["mse"] = 0.01, ["psnr"] = 20, ["label_accuracy"] = 1 }, ["reconstruction/round0_client2_dlg_reconstructed.png", "reconstruction/round0_client2_dlg_original.png"])],
        };
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.5), [round]);
        Directory.CreateDirectory(Path.Combine(runDir, "reconstruction"));
        File.WriteAllBytes(Path.Combine(runDir, "reconstruction", "round0_client2_dlg_reconstructed.png"), [1]);
        File.WriteAllBytes(Path.Combine(runDir, "reconstruction", "round0_client2_dlg_original.png"), [1]);

        using (var db = ResultsDatabase.Open(path))
        {
            db.Ingest(Run("0123456789abcdef", attack: "dlg", defense: "none"), runDir, 1);
        }

        Assert.Equal("runs/dlg/reconstruction/round0_client2_dlg_reconstructed.png", SqlProbe.Value(path, "SELECT image_path FROM reconstructions WHERE client = 2;"));
        Assert.Equal("runs/dlg/reconstruction/round0_client2_dlg_original.png", SqlProbe.Value(path, "SELECT original_path FROM reconstructions;"));
        Assert.Equal(20.0, (double)SqlProbe.Value(path, "SELECT psnr FROM reconstructions;")!, 12);
    }

    [Fact]
    public void Ingest_ListedReconstructionImageMissing_ThrowsNamingImage()
    {
        using var tmp = new TempDirectory();
        string runDir = tmp.File("run");
        var round = RunDirectoryWriter.Round(0, 0.5) with
        {
            Reconstructions = [new ReconstructionReport(2, new Dictionary<string, double> { ["mse"] = 0.01 }, ["reconstruction/x_reconstructed.png"])],
        };
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.5), [round]);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));

        var e = Assert.Throws<RunFilesException>(() => db.Ingest(Run("0123456789abcdef"), runDir, 1));

        Assert.Equal(Path.Combine(runDir, "reconstruction/x_reconstructed.png"), e.FilePath);
        Assert.Empty(db.FinishedRunKeys());
    }

    [Fact]
    public void FinishedRunKeys_AfterReopening_ReturnsEveryIngestedKey()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(ResultsDatabase.FileName);
        string runDir = tmp.File("run");
        WriteThreeRounds(runDir);
        using (var db = ResultsDatabase.Open(path))
        {
            Assert.Empty(db.FinishedRunKeys());
            db.Ingest(Run("000000000000000a"), runDir, 1);
            db.Ingest(Run("000000000000000b", seed: 1), runDir, 1);
        }

        using var reopened = ResultsDatabase.Open(path);

        Assert.Equal(new HashSet<string> { "000000000000000a", "000000000000000b" }, reopened.FinishedRunKeys());
    }

    [Fact]
    public void Ingest_RunKeyNotSixteenHexDigits_Throws()
    {
        using var tmp = new TempDirectory();
        string runDir = tmp.File("run");
        WriteThreeRounds(runDir);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));

        var e = Assert.Throws<ArgumentException>(() => db.Ingest(Run("not-a-key"), runDir, 1));

        Assert.Contains("not-a-key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterIngest_ReturnsTheStoredRowsWithAxesAndNullForUndefinedPrecision()
    {
        using var tmp = new TempDirectory();
        string runDir = Path.Combine(tmp.Path, "runs", "a");
        RunDirectoryWriter.Write(
            runDir,
            RunDirectoryWriter.Summary(2, 0.8, new DefenseDetectionSummary("krum", 0, 0, 2, 6, double.NaN, 0)),
            [RunDirectoryWriter.Round(0, 0.6, RunDirectoryWriter.Krum(0, 0, 1, 3)), RunDirectoryWriter.Round(1, 0.8, RunDirectoryWriter.Krum(0, 0, 1, 3))]);
        using var db = ResultsDatabase.Open(tmp.File(ResultsDatabase.FileName));
        db.Ingest(Run("0123456789abcdef", seed: 4), runDir, 3);

        var stored = db.Read();

        var run = Assert.Single(stored.Runs);
        Assert.Equal("byzantine", run.Attack);
        Assert.Equal("krum", run.Defense);
        Assert.Equal("1", run.Axes["malicious"]);
        Assert.Equal(4, run.Seed);
        Assert.Equal("runs/a", run.RunDirectory);
        Assert.Equal(0.8, run.FinalAccuracy);
        Assert.Equal(new[] { 0.6, 0.8 }, stored.Rounds.Select(r => r.Accuracy!.Value));
        Assert.Equal(0.3, stored.Rounds[0].Metrics["attack_success_rate"], 12);
        Assert.Equal(new[] { 3 }, stored.Rounds[1].Attacked);
        var detection = Assert.Single(stored.Detection);
        Assert.Null(detection.Precision);
        Assert.Equal(0.0, detection.Recall);
        Assert.Equal(2, stored.RoundDetection.Count);
        Assert.Equal("before", stored.RoundDetection[1].Stage);
        Assert.Equal(1, stored.RoundDetection[1].Round);
    }
}
