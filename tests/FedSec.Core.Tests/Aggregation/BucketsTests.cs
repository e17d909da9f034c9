using FedSec.Aggregation;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Aggregation;

public class BucketsTests
{
    [Theory]
    [InlineData(10, 3)]
    [InlineData(10, 4)]
    [InlineData(7, 7)]
    [InlineData(5, 9)]
    public void Balanced_AnyCount_SizesDifferByAtMostOneAndCoverEveryPosition(int n, int count)
    {
        var order = Enumerable.Range(0, n).Reverse().ToArray();
        var groups = Buckets.Balanced(order, count);
        Assert.Equal(Math.Min(n, count), groups.Length);
        Assert.True(groups.Max(g => g.Length) - groups.Min(g => g.Length) <= 1);
        Assert.Equal(order, groups.SelectMany(g => g));
    }

    [Fact]
    public void OfSize_TenInThrees_FourGroupsLastSmaller()
    {
        var groups = Buckets.OfSize(Enumerable.Range(0, 10).ToArray(), 3);
        Assert.Equal(new[] { 3, 3, 3, 1 }, groups.Select(g => g.Length));
    }

    [Fact]
    public void ShuffledOrder_InputOrderOfSameClients_SameClientSequence()
    {
        var updates = Enumerable.Range(0, 8).Select(i => Fixtures.Update(i * 3, i)).ToArray();
        var reversed = updates.Reverse().ToArray();
        var a = Buckets.ShuffledOrder(updates, new Random(5)).Select(i => updates[i].ClientId);
        var b = Buckets.ShuffledOrder(reversed, new Random(5)).Select(i => reversed[i].ClientId);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Means_WeightedGroups_HandComputed()
    {
        var vectors = new[] { new[] { 0f }, new[] { 4f }, new[] { 10f } };
        var (means, weights) = Buckets.Means(vectors, new[] { new[] { 0, 1 }, new[] { 2 } }, new[] { 1.0, 3.0, 2.0 });
        Assert.Equal(3f, means[0][0]);
        Assert.Equal(10f, means[1][0]);
        Assert.Equal(new[] { 4.0, 2.0 }, weights);
    }
}
