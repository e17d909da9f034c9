using FedSec.Stages;

namespace FedSec.Core.Tests.Stages;

public class RoundBuffersTests
{
    [Fact]
    public void Rent_GivesVectorOfRequestedLength()
    {
        var buffers = new RoundBuffers();
        Assert.Equal(17, buffers.Rent(17).Length);
        Assert.Empty(buffers.Rent(0));
    }

    [Fact]
    public void Rent_WithinOneRound_NeverGivesTheSameVectorTwice()
    {
        var buffers = new RoundBuffers();
        var first = buffers.Rent(8);
        var second = buffers.Rent(8);
        Assert.NotSame(first, second);
        Assert.Equal(2, buffers.RentedCount);
    }

    [Fact]
    public void Rent_AfterRecycle_ReusesTheRoundsVectors()
    {
        var buffers = new RoundBuffers();
        var round1 = new[] { buffers.Rent(8), buffers.Rent(8) };
        buffers.Recycle();
        var round2 = new[] { buffers.Rent(8), buffers.Rent(8) };
        Assert.Equal(round1.ToHashSet(ReferenceEqualityComparer.Instance), round2.ToHashSet(ReferenceEqualityComparer.Instance));
        Assert.NotSame(round2[0], round2[1]);
    }

    [Fact]
    public void Rent_AfterRecycle_OtherLengthGetsANewVector()
    {
        var buffers = new RoundBuffers();
        var eight = buffers.Rent(8);
        buffers.Recycle();
        var nine = buffers.Rent(9);
        Assert.Equal(9, nine.Length);
        Assert.NotSame(eight, nine);
        Assert.Same(eight, buffers.Rent(8));
    }

    [Fact]
    public void IsRented_TrueUntilRecycled()
    {
        var buffers = new RoundBuffers();
        var vector = buffers.Rent(4);
        Assert.True(buffers.IsRented(vector));
        Assert.False(buffers.IsRented(new float[4]));
        buffers.Recycle();
        Assert.False(buffers.IsRented(vector));
        Assert.Equal(0, buffers.RentedCount);
    }

    [Fact]
    public void Rent_FromManyThreads_GivesDistinctVectors()
    {
        var buffers = new RoundBuffers();
        for (int i = 0; i < 50; i++)
        {
            buffers.Rent(32);
        }

        buffers.Recycle();
        var rented = new float[200][];
        Parallel.For(0, rented.Length, i => rented[i] = buffers.Rent(32));
        Assert.Equal(rented.Length, rented.ToHashSet(ReferenceEqualityComparer.Instance).Count);
        Assert.Equal(rented.Length, buffers.RentedCount);
    }

    [Fact]
    public void ReusedBytes_FreshThenRecycledRentals_CountsOnlyTheReusedVectors()
    {
        var buffers = new RoundBuffers();
        buffers.Rent(10);
        buffers.Rent(3);
        Assert.Equal(0, buffers.ReusedBytes);
        buffers.Recycle();
        buffers.Rent(10);
        buffers.Rent(7);
        Assert.Equal(10 * sizeof(float), buffers.ReusedBytes);
    }
}
