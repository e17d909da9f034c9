using FedSec.Reporting.Report;

namespace FedSec.Reporting.Tests.Report;

public sealed class MeanStdTests
{
    [Fact]
    public void Of_ThreeValues_GivesMeanAndSampleStd()
    {
        // 1, 2, 6: mean 3, squared deviations 4 + 1 + 9 = 14, sample variance 14 / 2 = 7.
        var s = MeanStd.Of([1, 2, 6])!.Value;

        Assert.Equal(3, s.Mean, 12);
        Assert.Equal(Math.Sqrt(7), s.Std!.Value, 12);
        Assert.Equal(3, s.Count);
    }

    [Fact]
    public void Of_OneValue_HasNoStd()
    {
        var s = MeanStd.Of([0.25])!.Value;

        Assert.Null(s.Std);
        Assert.Equal("25.00", s.Format(100, 2));
    }

    [Fact]
    public void Of_NoValues_IsNull() => Assert.Null(MeanStd.Of([]));

    [Fact]
    public void Format_WithStd_WritesPlusMinusInInvariantCulture() =>
        Assert.Equal("91.00 ± 1.41", new MeanStd(0.91, 0.0141421356, 2).Format(100, 2));
}
