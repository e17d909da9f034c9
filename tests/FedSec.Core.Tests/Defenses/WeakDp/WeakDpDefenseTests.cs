using FedSec.Defenses.WeakDp;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.WeakDp;

public class WeakDpDefenseTests
{
    [Fact]
    public void DefendAfterAggregation_FixedSeed_NoiseHasConfiguredStd()
    {
        var global = Enumerable.Range(0, 200_000).Select(i => (float)Math.Sin(i)).ToArray();
        var noisy = new WeakDpDefense(new WeakDpOptions { Stddev = 0.05 }).DefendAfterAggregation((float[])global.Clone(), Context(global, 10));
        var noise = noisy.Select((v, i) => (double)v - global[i]).ToArray();
        double mean = noise.Average();
        double std = Math.Sqrt(noise.Sum(e => (e - mean) * (e - mean)) / (noise.Length - 1));
        Assert.InRange(mean, -0.0005, 0.0005);
        Assert.InRange(std, 0.05 * 0.99, 0.05 * 1.01);
    }

    [Fact]
    public void DefendAfterAggregation_SameSeedAndRound_SameNoise_OtherRound_OtherNoise()
    {
        var defense = new WeakDpDefense(new WeakDpOptions { Stddev = 1 });
        var a = defense.DefendAfterAggregation(new float[1000], Context(new float[1000], 10, round: 3));
        var b = defense.DefendAfterAggregation(new float[1000], Context(new float[1000], 10, round: 3));
        var c = defense.DefendAfterAggregation(new float[1000], Context(new float[1000], 10, round: 4));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void DefendAfterAggregation_Buffers_LeftWithoutNoise()
    {
        var layout = BufferLayout(100, 5);
        var global = new float[105];
        var noisy = new WeakDpDefense(new WeakDpOptions { Stddev = 1 }).DefendAfterAggregation(global, Context(new float[105], 10, layout: layout));
        Assert.All(noisy.Skip(100), v => Assert.Equal(0f, v));
        Assert.Contains(noisy.Take(100), v => v != 0f);
    }

    [Fact]
    public void Read_NegativeStddev_ReportsStddevKey()
    {
        var problems = Problems(a => WeakDpOptions.Read(a), 10, ("stddev", "-0.1"));
        Assert.Equal("defense_args.stddev", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptor_Stddev_CreatesAfterAggregationDefense()
    {
        Create<IAfterAggregationDefense>(WeakDpRegistration.Descriptor, 10, ("stddev", "0.01"));
    }
}
