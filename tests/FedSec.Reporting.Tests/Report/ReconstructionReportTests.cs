using System.Text.Json;
using System.Xml.Linq;
using FedSec.Reporting.Plots;
using FedSec.Reporting.Report;
using FedSec.Output;
using FedSec.Results.Database;
using FedSec.Simulation;
using FedSec.Stages;
using SkiaSharp;

namespace FedSec.Reporting.Tests.Report;

public sealed class ReconstructionReportTests
{
    private static void WritePng(string path, byte shade)
    {
        using var bitmap = new SKBitmap(28, 28, SKColorType.Gray8, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(shade, shade, shade));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static void DlgRun(string output)
    {
        string dir = Path.Combine(output, "runs", "dlg");
        Directory.CreateDirectory(Path.Combine(dir, "reconstruction"));
        WritePng(Path.Combine(dir, "reconstruction", "round0_client1_dlg_reconstructed.png"), 90);
        WritePng(Path.Combine(dir, "reconstruction", "round0_client1_dlg_original.png"), 200);
        var round = new RoundRecord
        {
            Round = 0,
            Accuracy = 0.5,
            Sampled = [0, 1],
            Attacked = [],
            Reconstructions = [new ReconstructionReport(1, new Dictionary<string, double> { ["mse"] = 0.01, ["psnr"] = 20, ["label_accuracy"] = 1 }, ["reconstruction/round0_client1_dlg_reconstructed.png", "reconstruction/round0_client1_dlg_original.png"])],
        };
        var summary = new RunSummary { Seed = 0, Dataset = "mnist", Model = "lenet_dlg", Attack = "dlg", Defenses = [], Rounds = 1, MaliciousClients = [], FinalAccuracy = 0.5 };
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.WriteAllText(Path.Combine(dir, "rounds.jsonl"), JsonSerializer.Serialize(round, JsonOptions.Lines) + "\n");
        using var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        db.Ingest(new GridRun("00000000000000d1", "attack=dlg defense=none seed=0", new Dictionary<string, string> { ["attack"] = "dlg", ["defense"] = "none", ["seed"] = "0" }, 0, "x: 1\n"), dir, 1);
    }

    [Fact]
    public void Write_DlgRun_DrawsOriginalNextToReconstruction()
    {
        using var tmp = new TempDirectory();
        DlgRun(tmp.Path);

        ReportWriter.Write(tmp.Path);

        StoredResults results;
        using (var db = ResultsDatabase.Open(Path.Combine(tmp.Path, ResultsDatabase.FileName)))
        {
            results = db.Read();
        }

        var grid = Assert.IsType<ImagePairGrid>(ReconstructionSection.For(Facet.Split(results.Runs).Single(), new ResultIndex(results, tmp.Path), "r")!.Value.Figure!.Figure);
        string png = Path.Combine(tmp.Path, "report", "plots", "reconstructions.png");
        Assert.Equal((2 * grid.Width, 2 * grid.Height), PngHeader.Size(png));
        using var bitmap = SKBitmap.Decode(png);
        int top = 2 * (ImagePairGrid.RowTop(0) + (ImagePairGrid.Tile / 2));
        Assert.Equal(200, bitmap.GetPixel(2 * (grid.OriginalX + (ImagePairGrid.Tile / 2)), top).Red);
        Assert.Equal(90, bitmap.GetPixel(2 * (grid.ReconstructedX + (ImagePairGrid.Tile / 2)), top).Red);
        Assert.Contains("attack=dlg defense=none seed=0", SvgText.Texts(File.ReadAllText(Path.ChangeExtension(png, ".svg"))));
    }

    [Fact]
    public void Write_DlgRun_TablesPsnrAndEmbedsBothImages()
    {
        using var tmp = new TempDirectory();
        DlgRun(tmp.Path);

        ReportWriter.Write(tmp.Path);

        string html = File.ReadAllText(Path.Combine(tmp.Path, "report", "report.html"));
        int start = html.IndexOf("<table id=\"f1-reconstruction\">", StringComparison.Ordinal);
        var table = XElement.Parse(html[start..(html.IndexOf("</table>", start, StringComparison.Ordinal) + 8)]);
        var row = table.Descendants("tr").Skip(1).Single().Elements("td").ToArray();
        Assert.Equal(["attack=dlg defense=none seed=0", "1", "1", "0.0100", "20.00", "1"], row[..6].Select(c => c.Value));
        Assert.StartsWith("data:image/png;base64,", row[6].Element("img")!.Attribute("src")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", row[7].Element("img")!.Attribute("src")!.Value, StringComparison.Ordinal);
        Assert.Contains("| attack=dlg defense=none seed=0 | 1 | 1 | 0.0100 | 20.00 | 1 |", File.ReadAllText(Path.Combine(tmp.Path, "report", "report.md")), StringComparison.Ordinal);
    }
}
