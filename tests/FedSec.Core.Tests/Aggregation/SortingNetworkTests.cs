using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class SortingNetworkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(13)]
    [InlineData(16)]
    [InlineData(17)]
    public void For_EveryZeroOneInput_Sorts(int n)
    {
        // The 0-1 principle: a comparator network that sorts every 0/1 input sorts every input.
        var network = SortingNetwork.For(n);
        var x = new int[n];
        for (int mask = 0; mask < 1 << n; mask++)
        {
            for (int i = 0; i < n; i++)
            {
                x[i] = (mask >> i) & 1;
            }

            Apply(network, x);
            for (int i = 1; i < n; i++)
            {
                Assert.True(x[i - 1] <= x[i], $"n = {n}, input {mask}: not sorted.");
            }
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(129)]
    public void For_RandomInputs_SortsLikeArraySort(int n)
    {
        var rng = new Random(n);
        var network = SortingNetwork.For(n);
        for (int trial = 0; trial < 200; trial++)
        {
            var x = Enumerable.Range(0, n).Select(_ => rng.Next(-20, 20)).ToArray();
            var expected = x.Order().ToArray();
            Apply(network, x);
            Assert.Equal(expected, x);
        }
    }

    [Theory]
    [InlineData(16, 7, 2)]
    [InlineData(17, 8, 1)]
    [InlineData(50, 24, 2)]
    [InlineData(50, 5, 40)]
    [InlineData(100, 49, 2)]
    public void WithRegisterGroups_GroupsSortedThenMemoryComparators_SelectTheReadRanks(int n, int first, int count)
    {
        // What RegisterSort16 then the memory comparators do, on integers: every full group of 16 sorted by the
        // 16-input network, then the rest; the read ranks must hold the sorted values.
        var (groups, memory) = SortingNetwork.WithRegisterGroups(n, first, count);
        Assert.Equal(n / 16, groups);
        var rng = new Random(n + first);
        for (int trial = 0; trial < 200; trial++)
        {
            var x = Enumerable.Range(0, n).Select(_ => rng.Next(-20, 20)).ToArray();
            var expected = x.Order().ToArray();
            for (int g = 0; g < groups; g++)
            {
                Apply(SortingNetwork.For(16).Select(c => (c.Low + (16 * g), c.High + (16 * g))).ToArray(), x);
            }

            Apply(memory, x);
            Assert.Equal(expected[first..(first + count)], x[first..(first + count)]);
        }
    }

    [Fact]
    public void WithRegisterGroups_FiftyInputs_LeavesFewerComparatorsInMemory()
    {
        // The first stages of the three full groups (3 × 63 comparators) leave memory.
        Assert.True(SortingNetwork.WithRegisterGroups(50, 24, 2).Memory.Length < SortingNetwork.Selecting(50, 24, 2).Length - 100);
    }

    [Fact]
    public void For_EveryComparator_HasLowBelowHighInsideRange()
    {
        var network = SortingNetwork.For(37);
        Assert.All(network, c => Assert.True(c.Low < c.High && c.High < 37));
    }

    [Theory]
    [InlineData(10, 4, 2)]
    [InlineData(11, 5, 1)]
    [InlineData(50, 5, 40)]
    [InlineData(100, 49, 2)]
    [InlineData(100, 10, 80)]
    [InlineData(37, 0, 3)]
    [InlineData(37, 34, 3)]
    public void Selecting_RandomInputs_PutsChosenRanksInPlace(int n, int first, int count)
    {
        var rng = new Random(n + first);
        var network = SortingNetwork.Selecting(n, first, count);
        for (int trial = 0; trial < 300; trial++)
        {
            var x = Enumerable.Range(0, n).Select(_ => rng.Next(-20, 20)).ToArray();
            var expected = x.Order().Skip(first).Take(count).ToArray();
            Apply(network, x);
            Assert.Equal(expected, x.Skip(first).Take(count));
        }
    }

    [Fact]
    public void Selecting_MedianOf100_DropsComparatorsOfTheFullSort()
    {
        var full = SortingNetwork.For(100);
        var median = SortingNetwork.Selecting(100, 49, 2);
        Assert.True(median.Length < full.Length * 0.85, $"{median.Length} of {full.Length} comparators kept.");
        Assert.All(median, c => Assert.Contains(c, full));
    }

    [Fact]
    public void Selecting_AllRanks_IsTheFullNetwork()
    {
        Assert.Same(SortingNetwork.For(23), SortingNetwork.Selecting(23, 0, 23));
    }

    private static void Apply((int Low, int High)[] network, int[] x)
    {
        foreach (var (lo, hi) in network)
        {
            if (x[lo] > x[hi])
            {
                (x[lo], x[hi]) = (x[hi], x[lo]);
            }
        }
    }
}
