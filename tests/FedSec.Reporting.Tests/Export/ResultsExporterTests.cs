using System.Globalization;
using FedSec.Reporting.Export;
using Parquet;

namespace FedSec.Reporting.Tests.Export;

public sealed class ResultsExporterTests
{
    private static TempDirectory Grid()
    {
        var tmp = new TempDirectory();
        using (SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, new Dictionary<string, string> { ["malicious"] = "1" }))
        {
        }

        return tmp;
    }

    private static string[][] Csv(string path) => CsvText.Parse(File.ReadAllText(path));

    [Fact]
    public void Write_Csv_WritesEveryTableWithHeader()
    {
        using var tmp = Grid();

        var files = ResultsExporter.Write(tmp.Path, ExportFormat.Csv, tmp.File("csv"));

        Assert.Equal(["detection.csv", "reconstructions.csv", "round_detection.csv", "rounds.csv", "run_axes.csv", "runs.csv"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(9, File.ReadAllLines(tmp.File("csv/runs.csv")).Length);
        Assert.Equal(1 + (8 * SyntheticGrid.Rounds), File.ReadAllLines(tmp.File("csv/rounds.csv")).Length);
        Assert.Equal(1 + (8 * 4), File.ReadAllLines(tmp.File("csv/run_axes.csv")).Length);
        Assert.Equal(1 + 4, File.ReadAllLines(tmp.File("csv/detection.csv")).Length);
        Assert.Equal(1 + (4 * SyntheticGrid.Rounds), File.ReadAllLines(tmp.File("csv/round_detection.csv")).Length);
        Assert.Single(File.ReadAllLines(tmp.File("csv/reconstructions.csv")));
    }

    [Fact]
    public void Write_Csv_RunsHaveOneColumnPerAxisAndInvariantNumbers()
    {
        using var tmp = Grid();

        ResultsExporter.Write(tmp.Path, ExportFormat.Csv, tmp.Path);

        var rows = Csv(tmp.File("runs.csv"));
        var header = rows[0];
        Assert.Equal(["run_key", "label", "attack", "defense", "seed", "malicious", "dataset", "model", "rounds", "final_accuracy"], header[..10]);
        Assert.Contains("final_attack_success_rate", header);
        int attack = Array.IndexOf(header, "attack"), defense = Array.IndexOf(header, "defense"), seed = Array.IndexOf(header, "seed"), accuracy = Array.IndexOf(header, "final_accuracy");
        var row = rows.Single(r => r[attack] == "backdoor" && r[defense] == "krum" && r[seed] == "1");
        Assert.Equal("1", row[Array.IndexOf(header, "malicious")]);
        Assert.Equal(SyntheticGrid.Accuracy("backdoor", "krum", 1, SyntheticGrid.Rounds - 1), double.Parse(row[accuracy], CultureInfo.InvariantCulture));
        Assert.Contains('.', row[accuracy]);
    }

    [Fact]
    public void Write_Csv_RoundsCarryAxesAndOneColumnPerMetric()
    {
        using var tmp = Grid();

        ResultsExporter.Write(tmp.Path, ExportFormat.Csv, tmp.Path);

        var rows = Csv(tmp.File("rounds.csv"));
        var header = rows[0];
        int asr = Array.IndexOf(header, "attack_success_rate"), attack = Array.IndexOf(header, "attack"), round = Array.IndexOf(header, "round"), seed = Array.IndexOf(header, "seed");
        Assert.True(asr >= 0, "rounds.csv has no attack_success_rate column.");
        var backdoor = rows.Single(r => r[attack] == "backdoor" && r[seed] == "1" && r[round] == "2" && r[Array.IndexOf(header, "defense")] == "none");
        Assert.Equal(0.5 - 0.2 + 0.1, double.Parse(backdoor[asr], CultureInfo.InvariantCulture), 12);
        Assert.All(rows.Skip(1).Where(r => r[attack] == "none"), r => Assert.Equal(string.Empty, r[asr]));
        Assert.Equal("[0,1,2,3]", backdoor[Array.IndexOf(header, "sampled")]);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
    }

    [Fact]
    public async Task Write_Parquet_WritesTablesReadableWithTheSameRowsAndColumns()
    {
        using var tmp = Grid();

        ResultsExporter.Write(tmp.Path, ExportFormat.Parquet, tmp.File("pq"));
        ResultsExporter.Write(tmp.Path, ExportFormat.Csv, tmp.File("csv"));

        foreach (string table in new[] { "runs", "rounds", "detection", "run_axes" })
        {
            var csvHeader = File.ReadAllLines(tmp.File($"csv/{table}.csv"))[0].Split(',');
            await using var reader = await ParquetReader.CreateAsync(tmp.File($"pq/{table}.parquet"));
            Assert.Equal(csvHeader, reader.Schema.GetDataFields().Select(f => f.Name));
            Assert.Equal(File.ReadAllLines(tmp.File($"csv/{table}.csv")).Length - 1, reader.RowGroups.Sum(g => g.RowCount));
        }
    }

    [Fact]
    public async Task Write_Parquet_RunsHoldAccuracyAndAxisValues()
    {
        using var tmp = Grid();

        ResultsExporter.Write(tmp.Path, ExportFormat.Parquet, tmp.Path);

        await using var reader = await ParquetReader.CreateAsync(tmp.File("runs.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        var fields = reader.Schema.GetDataFields();
        var attack = new string?[group.RowCount];
        var accuracy = new double?[group.RowCount];
        await group.ReadAsync(fields.Single(f => f.Name == "attack"), attack.AsMemory());
        await group.ReadAsync(fields.Single(f => f.Name == "final_accuracy"), accuracy.AsMemory());
        Assert.Equal(4, attack.Count(a => a == "backdoor"));
        Assert.Contains(SyntheticGrid.Accuracy("none", "none", 1, SyntheticGrid.Rounds - 1), accuracy.Select(a => a!.Value));
    }

    [Fact]
    public void Write_NoDatabase_ThrowsNamingIt()
    {
        using var tmp = new TempDirectory();

        var e = Assert.Throws<FileNotFoundException>(() => ResultsExporter.Write(tmp.Path, ExportFormat.Csv));

        Assert.Contains("results.db", e.Message, StringComparison.Ordinal);
    }
}
