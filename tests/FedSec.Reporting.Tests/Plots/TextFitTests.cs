using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public class TextFitTests
{
    [Fact]
    public void TwoLines_Fits_OneLineUnchanged()
    {
        Assert.Equal(["krum"], TextFit.TwoLines("krum", 12, 118));
    }

    [Fact]
    public void TwoLines_LongUnderscoredLabel_BreaksAfterTheUnderscoreNearestTheMiddle()
    {
        // 19 characters · 7.2 px > 118 px; the middle is index 9, and the '_' at 5 is nearer than the one at 14.
        Assert.Equal(["label_", "flipping_3to9"], TextFit.TwoLines("label_flipping_3to9", 12, 118));
        Assert.Equal(["byzantine_", "random"], TextFit.TwoLines("byzantine_random", 12, 100));
    }

    [Fact]
    public void TwoLines_SpaceBreak_DropsTheSpace()
    {
        // 23 characters, middle index 11: the space at 10 is nearest.
        Assert.Equal(["no defense", "at all today"], TextFit.TwoLines("no defense at all today", 12, 118));
    }

    [Fact]
    public void TwoLines_NoBreakPoint_ClipsOneLine()
    {
        Assert.Equal(["abcdefghijklmno…"], TextFit.TwoLines("abcdefghijklmnopqrstuvwxyz", 12, 118));
    }
}
