using FedSec.Torch.Data;

namespace FedSec.Torch.Tests.Data;

public class ChannelNormalizationTests
{
    [Fact]
    public void Constructor_MeansAndDeviationsDifferInCount_ThrowsWithBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChannelNormalization([0.5f, 0.5f, 0.5f], [0.25f]));

        Assert.Contains("3 means and 1 deviations", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Constructor_DeviationNotPositive_Throws(float std)
    {
        Assert.Throws<ArgumentException>(() => new ChannelNormalization([0.5f], [std]));
    }

    [Fact]
    public void Constructor_Valid_KeepsValuesPerChannel()
    {
        var norm = new ChannelNormalization([0.1f, 0.2f], [0.3f, 0.4f]);

        Assert.Equal(2, norm.Channels);
        Assert.Equal([0.1f, 0.2f], norm.Mean);
        Assert.Equal([0.3f, 0.4f], norm.Std);
    }
}
