using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Tests.Plots;

public sealed class PaletteTests
{
    [Fact]
    public void Series_PastTheColours_NoTwoSeriesLookAlike()
    {
        // Colours · 20 styles: every combination of colour, pattern and marker at most once.
        int n = Palette.ColorCount * 20;
        var styles = Enumerable.Range(0, n).Select(i => Palette.Series(i)).Select(s => (s.Color, s.Pattern.Name, s.Marker)).ToArray();

        Assert.Equal(n, styles.Distinct().Count());
    }

    [Fact]
    public void Series_PastTheColours_ChangesPatternAndMarker()
    {
        var first = Palette.Series(1);
        var again = Palette.Series(1 + Palette.ColorCount);

        Assert.Equal(first.Color, again.Color);
        Assert.NotEqual(first.Pattern.Name, again.Pattern.Name);
        Assert.NotEqual(first.Marker, again.Marker);
    }

    [Fact]
    public void Series_Any_NeitherBaselineColour()
    {
        var colours = Enumerable.Range(0, Palette.ColorCount).Select(i => Palette.Series(i).Color).ToArray();

        Assert.DoesNotContain(Palette.Benign.Color, colours);
        Assert.DoesNotContain(Palette.Undefended.Color, colours);
    }

    [Fact]
    public void Map_OutsideZeroToOne_ClampedToTheDarkAndLightEnds()
    {
        Assert.Equal(Palette.Map(0), Palette.Map(-3));
        Assert.Equal(Palette.Map(0), Palette.Map(double.NaN));
        Assert.Equal(Palette.Map(1), Palette.Map(7));
        Assert.True(Palette.Map(0).Luminance < 0.3 && Palette.Map(1).Luminance > 0.5, "The map runs dark to light.");
    }
}
