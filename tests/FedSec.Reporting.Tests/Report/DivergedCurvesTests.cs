using FedSec.Reporting.Plots;
using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class DivergedCurvesTests
{
    [Fact]
    public void For_CellWithADivergedSeed_SeriesMarkedAndCarriesItsLastValueToTheEnd()
    {
        using var tmp = new TempDirectory();
        StoredResults results;
        using (var db = SyntheticGrid.Build(tmp.Path, ["none", "backdoor"], ["none", "krum"], 2, diverges: (a, d, s) => a == "backdoor" && d == "krum" && s == 1))
        {
            results = db.Read();
        }

        var index = new ResultIndex(results, tmp.Path);
        var figure = AccuracyFigures.For(Facet.Split(results.Runs).Single(), index).Single(f => f.Name == "fig6_accuracy_under_backdoor");
        var chart = Assert.IsType<LineChart>(figure.Figure);
        var krum = Assert.Single(chart.Series, s => s.Name.StartsWith("krum", StringComparison.Ordinal));
        Assert.Equal("krum †", krum.Name);

        // Seed 1 diverged in round 1 (0-based) at 0.098 and keeps it in round 2; seed 0 goes on.
        Assert.Equal([1.0, 2.0, 3.0], krum.Points.Select(p => p.X));
        double seed0Last = SyntheticGrid.Accuracy("backdoor", "krum", 0, 2);
        Assert.Equal((seed0Last + SyntheticGrid.DivergedAccuracy) / 2, krum.Points[2].Mean, 9);
        Assert.DoesNotContain(chart.Series, s => s.Name.StartsWith("benign", StringComparison.Ordinal) && s.Name.EndsWith('†'));
    }
}
