using FedSec.Aggregation;
using FedSec.Randomness;

namespace FedSec.Core.Tests.Aggregation;

public class GaussianNoiseTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    public void AddTo_FixedSeed_HasConfiguredMeanAndStd(double sigma)
    {
        var seeds = new SeedStreams(11);
        var x = new float[300_001];
        GaussianNoise.AddTo(x, sigma, b => seeds.Random($"t#{b}"));
        double mean = x.Average(v => (double)v);
        double std = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));

        // Standard errors: mean σ/√n ≈ 0.0018σ, std ≈ 0.0013σ; the bounds are ~5 of them.
        Assert.InRange(mean, -0.01 * sigma, 0.01 * sigma);
        Assert.InRange(std, sigma * 0.993, sigma * 1.007);
    }

    [Fact]
    public void AddTo_SameStreams_SameNoise()
    {
        var seeds = new SeedStreams(3);
        var a = new float[200_000];
        var b = new float[200_000];
        GaussianNoise.AddTo(a, 1.0, k => seeds.Random($"n#{k}", 4));
        GaussianNoise.AddTo(b, 1.0, k => seeds.Random($"n#{k}", 4));
        Assert.Equal(a, b);
    }

    [Fact]
    public void AddTo_ZeroStd_LeavesVectorUnchanged()
    {
        var x = new[] { 1f, 2f, 3f };
        GaussianNoise.AddTo(x, 0, _ => new Random(1));
        Assert.Equal(new[] { 1f, 2f, 3f }, x);
    }
}
