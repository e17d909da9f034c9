using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

public sealed class GridShardTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 300).Select(i => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Contains_ThreeShares_EveryKeyInExactlyOneAndEachShareAboutAThird()
    {
        var shares = Enumerable.Range(1, 3).Select(k => new GridShard(k, 3)).ToArray();

        Assert.All(Keys, key => Assert.Single(shares, s => s.Contains(key)));
        Assert.All(shares, s => Assert.InRange(Keys.Count(s.Contains), 70, 130));
    }

    [Fact]
    public void Contains_OneShare_HoldsEveryKey() => Assert.All(Keys, key => Assert.True(new GridShard(1, 1).Contains(key)));

    [Fact]
    public void Contains_SameKey_SameShareWhateverTheOtherKeys()
    {
        var share = new GridShard(2, 5);

        Assert.Equal(Keys.Where(share.Contains), Keys.Reverse().Where(share.Contains).Reverse());
    }

    [Theory]
    [InlineData("2/3", 2, 3)]
    [InlineData("1/1", 1, 1)]
    public void Parse_KOfN_TheShare(string text, int k, int n)
    {
        Assert.Equal(new GridShard(k, n), GridShard.Parse(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("3")]
    [InlineData("a/b")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    public void Parse_NotKOfN_NullAndAProblemNamingTheOption(string text)
    {
        Assert.Null(GridShard.Parse(text, out var problem));
        Assert.Equal($"--shard expects K/N with 1 <= K <= N (share K of N machines, e.g. --shard 2/3), not '{text}'.", problem);
    }
}
