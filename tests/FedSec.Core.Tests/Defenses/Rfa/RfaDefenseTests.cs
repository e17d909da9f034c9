using FedSec.Aggregation;
using FedSec.Defenses.Rfa;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Rfa;

public class RfaDefenseTests
{
    private static readonly RfaOptions Precise = new() { Nu = 1e-9, MaxIter = 1000, Ftol = 1e-12 };

    [Fact]
    public void DefendOnAggregation_EqualSampleCounts_UsesEveryUpdate()
    {
        // FedML's set of weights collapsed equal sample counts and returned one client's model (0 here); the
        // geometric median of 0, 1, 5 is 1.
        var updates = Updates(new[] { 0f }, new[] { 1f }, new[] { 5f });
        var w = new RfaDefense(Precise).DefendOnAggregation(updates, Context(new float[1], 3)).Weights;
        Assert.Equal(1f, w[0], 1e-3f);
    }

    [Fact]
    public void DefendOnAggregation_WholeVector_NotPerTensorMedian()
    {
        // Two tensors of one element each. Per tensor, the medians would be 1 and 1 → (1, 1), which is none of the
        // points. Over the whole vector the geometric median of (0,0), (1,1), (2,0), (1,1) weights 1, 1, 1, 2 is (1, 1)
        // only by chance, so use three points whose whole-vector median differs: (0,0), (0,1), (1,0).
        var layout = new ParameterLayout(new (string, IReadOnlyList<long>, ParameterKind)[]
        {
            ("a", new long[] { 1 }, ParameterKind.Trainable),
            ("b", new long[] { 1 }, ParameterKind.Trainable),
        });
        var updates = Updates(new[] { 0f, 0f }, new[] { 0f, 1f }, new[] { 1f, 0f });
        var w = new RfaDefense(Precise).DefendOnAggregation(updates, Context(new float[2], 3, layout: layout)).Weights;

        // Fermat point of the right triangle (0,0), (0,1), (1,0): all angles < 120°, at (t, t) with t = (3 − √3)/6.
        double t = (3 - Math.Sqrt(3)) / 6;
        Assert.Equal(t, w[0], 1e-3);
        Assert.Equal(t, w[1], 1e-3);
    }

    [Fact]
    public void DefendOnAggregation_HugeMinority_StaysNearHonestMeanAndDownweightsAttackers()
    {
        var rng = new Random(1);
        int n = 10, d = 100;
        var updates = Enumerable.Range(0, n).Select(i => new ClientUpdate(i, 10, Enumerable.Range(0, d)
            .Select(_ => i < 3 ? 1e6f : 1f + (float)(rng.NextDouble() * 0.2 - 0.1)).ToArray())).ToArray();
        var outcome = new RfaDefense(new RfaOptions()).DefendOnAggregation(updates, Context(new float[d], n));
        var honestMean = WeightedMean.Of(updates.Skip(3).ToArray());
        double spread = updates.Skip(3).Max(u => VectorNorms.Distance(u.Weights, honestMean));
        Assert.True(VectorNorms.Distance(outcome.Weights, honestMean) <= spread);
        Assert.All(outcome.Verdicts.Take(3), v => Assert.True(v.Weight < 1e-3));
        Assert.Equal(1.0, outcome.Verdicts.Max(v => v.Weight), 1e-12);
    }

    [Fact]
    public void DefendOnAggregation_Buckets_SameResultWhateverTheInputOrder()
    {
        var rng = new Random(6);
        var updates = Enumerable.Range(0, 9).Select(i => new ClientUpdate(i * 2, 5 + i, Enumerable.Range(0, 50).Select(_ => (float)rng.NextDouble()).ToArray())).ToArray();
        var defense = new RfaDefense(new RfaOptions { BatchNum = 3 });
        var a = defense.DefendOnAggregation(updates, Context(new float[50], 9));
        var b = defense.DefendOnAggregation(updates.Reverse().ToArray(), Context(new float[50], 9));
        Assert.True(VectorNorms.Distance(a.Weights, b.Weights) <= 1e-5);
    }

    [Fact]
    public void DefendOnAggregation_OneBucket_IsTheWeightedMean()
    {
        var updates = new[] { new ClientUpdate(0, 1, new[] { 0f }), new ClientUpdate(1, 3, new[] { 4f }), new ClientUpdate(2, 4, new[] { 1f }) };
        var w = new RfaDefense(new RfaOptions { BatchNum = 1 }).DefendOnAggregation(updates, Context(new float[1], 3)).Weights;
        Assert.Equal(2f, w[0], 1e-6f);
    }

    [Fact]
    public void DefendOnAggregation_Buffers_TakeWeightedMean()
    {
        var updates = Updates(new[] { 0f, 10f }, new[] { 1f, 20f }, new[] { 5f, 60f });
        var w = new RfaDefense(Precise).DefendOnAggregation(updates, Context(new float[2], 3, layout: BufferLayout(1, 1))).Weights;
        Assert.Equal(1f, w[0], 1e-3f);
        Assert.Equal(30f, w[1], 1e-5f);
    }

    [Fact]
    public void Read_TooManyBuckets_ReportsBatchNumKey()
    {
        var problems = Problems(a => RfaOptions.Read(a, buckets: true), 10, ("batch_num", "11"));
        Assert.Equal("defense_args.batch_num", Assert.Single(problems).Key);
    }

    [Fact]
    public void Read_NonPositiveNu_ReportsNuKey()
    {
        var problems = Problems(a => RfaOptions.Read(a, buckets: false), 10, ("nu", "0"));
        Assert.Equal("defense_args.nu", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptors_RfaWithoutBatchNumAndGeoMedianWithIt_CreateOnAggregationDefenses()
    {
        Assert.DoesNotContain(RfaRegistration.Rfa.Parameters, p => p.Key == "batch_num");
        Assert.Contains(RfaRegistration.GeoMedian.Parameters, p => p.Key == "batch_num");
        Create<IOnAggregationDefense>(RfaRegistration.Rfa, 10, ("max_iter", "50"));
        Create<IOnAggregationDefense>(RfaRegistration.GeoMedian, 10, ("batch_num", "5"));
    }
}
