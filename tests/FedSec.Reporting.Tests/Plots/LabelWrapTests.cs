using FedSec.Reporting.Plots;
using ScottPlot;

namespace FedSec.Reporting.Tests.Plots;

public sealed class LabelWrapTests
{
    private static readonly LabelStyle Bold = new() { FontName = FigureStyle.FontName, FontSize = 12, Bold = true };

    private static float Width(string text)
    {
        using var paint = Paint.NewDisposablePaint();
        return Bold.Measure(text, paint).Width;
    }

    [Fact]
    public void TwoLines_Fits_Unchanged()
    {
        Assert.Equal("krum", LabelWrap.TwoLines("krum", Bold, Width("krum")));
    }

    [Fact]
    public void TwoLines_TooWide_BreaksAfterTheUnderscoreNearestTheMiddle()
    {
        // The middle is index 9 of 19; the '_' at 5 is nearer than the one at 14.
        Assert.Equal("label_\nflipping_3to9", LabelWrap.TwoLines("label_flipping_3to9", Bold, Width("label_flipping_3to9") - 1));
        Assert.Equal("byzantine_\nrandom", LabelWrap.TwoLines("byzantine_random", Bold, Width("byzantine_random") - 1));
    }

    [Fact]
    public void TwoLines_SpaceBreak_DropsTheSpace()
    {
        // 23 characters, middle index 11: the space at 10 is nearest.
        Assert.Equal("no defense\nat all today", LabelWrap.TwoLines("no defense at all today", Bold, 100));
    }

    [Fact]
    public void TwoLines_NoBreakPoint_StaysOnOneLine()
    {
        Assert.Equal("abcdefghijklmnopqrstuvwxyz", LabelWrap.TwoLines("abcdefghijklmnopqrstuvwxyz", Bold, 50));
    }
}
