using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class MemoryTableTests
{
    private static StoredRun Run(string defense, long seed, long? state, long? peakState = null, long? peakScratch = null) => new(
        $"{defense}{seed}",
        $"defense={defense} seed={seed}",
        new Dictionary<string, string> { ["attack"] = "none", ["defense"] = defense, ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        seed, string.Empty, string.Empty, "mnist", "cnn", 3, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty)
    {
        DefenseStateBytes = state,
        DefensePeakStateBytes = peakState ?? state,
        DefensePeakAllocatedBytes = peakScratch,
    };

    [Fact]
    public void For_TwoSeedsPerDefense_MeanBytesInBinaryUnitsAndRunsWithoutMemoryLeftOut()
    {
        var facet = new Facet(string.Empty, string.Empty,
        [
            Run("foolsgold", 0, 3 * 1024 * 1024, peakScratch: 2048), Run("foolsgold", 1, 1 * 1024 * 1024, peakScratch: 4096),
            Run("krum", 0, 0, peakScratch: 500), Run("none", 0, null),
        ]);

        var table = MemoryTable.For(facet, "m")!;

        Assert.Equal(["defense", "state at the end", "peak state", "peak scratch", "runs"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["foolsgold", "2.0 MiB", "2.0 MiB", "3.0 KiB", "2"], table.Rows[0].Select(c => c.Text));
        Assert.Equal(["krum", "0 B", "0 B", "500 B", "1"], table.Rows[1].Select(c => c.Text));
    }

    [Fact]
    public void For_NoRunRecordedMemory_NoTable()
    {
        Assert.Null(MemoryTable.For(new Facet(string.Empty, string.Empty, [Run("none", 0, null)]), "m"));
    }
}
