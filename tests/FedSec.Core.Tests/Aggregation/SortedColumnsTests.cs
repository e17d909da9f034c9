using System.Numerics;
using System.Runtime.Intrinsics;
using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class SortedColumnsTests
{
    [Theory]
    [InlineData(3, 64)]
    [InlineData(20, 128)]
    public void SortPortable_RandomRows_SortsEveryColumn(int n, int width)
    {
        var rows = AggregationTestData.Random(n, width, seed: n).SelectMany(r => r).ToArray();
        var expected = Columns(rows, n, width).Select(c => c.Order().ToArray()).ToArray();
        SortedColumns.SortPortable(rows, width / Vector<float>.Count, width / Vector<float>.Count, SortingNetwork.For(n));
        Assert.Equal(expected, Columns(rows, n, width));
    }

    [Fact]
    public void Sort512_RandomRows_SortsEveryColumnWhereSupported()
    {
        int n = 9, width = 64;
        var rows = AggregationTestData.Random(n, width, seed: 2).SelectMany(r => r).ToArray();
        var expected = Columns(rows, n, width).Select(c => c.Order().ToArray()).ToArray();
        if (Vector512.IsHardwareAccelerated)
        {
            SortedColumns.Sort512(rows, width / Vector512<float>.Count, width / Vector512<float>.Count, SortingNetwork.For(n));
        }
        else
        {
            // Without 512-bit hardware the dispatcher must take the portable path.
            SortedColumns.Sort(rows, width, width, SortingNetwork.For(n));
        }

        Assert.Equal(expected, Columns(rows, n, width));
    }

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(10, 512)]
    [InlineData(100, 64)]
    public void BlockWidth_ClientCount_FitsL1AndIsMultipleOf64(int n, int expected)
    {
        Assert.Equal(expected, SortedColumns.BlockWidth(n));
    }

    [Theory]
    [InlineData(10, 512, 4096)]
    [InlineData(50, 128, 1280)]
    [InlineData(100, 64, 640)]
    public void SpanWidth_ClientCount_WholeBlocksOfAbout256KB(int n, int width, int expected)
    {
        Assert.Equal(expected, SortedColumns.SpanWidth(n, width));
    }

    private static float[][] Columns(float[] rows, int n, int width) =>
        Enumerable.Range(0, width).Select(c => Enumerable.Range(0, n).Select(r => rows[(r * width) + c]).ToArray()).ToArray();
}
