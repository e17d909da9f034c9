using FedSec.Privacy.Mechanisms;

namespace FedSec.Privacy.Tests.Mechanisms;

public class CryptoRandomTests
{
    [Fact]
    public void NextDouble_ManyDraws_UniformOnZeroToOne()
    {
        var rng = new CryptoRandom();
        var draws = Enumerable.Range(0, 200_000).Select(_ => rng.NextDouble()).ToArray();

        Assert.All(draws, u => Assert.InRange(u, 0.0, Math.BitDecrement(1.0)));
        Assert.InRange(draws.Average(), 0.495, 0.505);                           // mean 1/2, sd of the mean 6.5e-4
        Assert.InRange(draws.Count(u => u < 0.1) / 200_000.0, 0.097, 0.103);     // a tenth below 0.1
    }

    [Fact]
    public void Next_Ranges_StayInsideAndTwoGeneratorsDiffer()
    {
        var a = new CryptoRandom();
        var b = new CryptoRandom();
        Assert.All(Enumerable.Range(0, 1000).Select(_ => a.Next(3, 7)), v => Assert.InRange(v, 3, 6));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => a.Next(5)), v => Assert.InRange(v, 0, 4));
        Assert.Equal(0, a.Next(0));
        Assert.All(Enumerable.Range(0, 1000).Select(_ => a.Next()), v => Assert.InRange(v, 0, int.MaxValue - 1));
        Assert.NotEqual(Enumerable.Range(0, 8).Select(_ => a.NextDouble()), Enumerable.Range(0, 8).Select(_ => b.NextDouble()));
    }
}
