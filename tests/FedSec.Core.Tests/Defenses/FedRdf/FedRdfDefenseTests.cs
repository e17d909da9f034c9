using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.FedRdf;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.FedRdf;

public class FedRdfDefenseTests
{
    private static FedRdfDefense Always() => new(new FedRdfOptions { Threshold = 0 });

    [Fact]
    public void Frequencies_AsNumpyFftfreq_HighestAtHalfN()
    {
        // numpy.fft.fftfreq(4) = [0, 0.25, -0.5, -0.25]; fftfreq(5) = [0, 0.2, 0.4, -0.4, -0.2] (first of the two largest: 2).
        Assert.Equal(new[] { 0, 0.25, -0.5, -0.25 }, FourierSelection.Frequencies(4));
        Assert.Equal(new[] { 0, 0.2, 0.4, -0.4, -0.2 }, FourierSelection.Frequencies(5));
        for (int n = 1; n <= 40; n++)
        {
            Assert.Equal(n / 2, FourierSelection.HighestFrequencyIndex(n));
        }
    }

    [Fact]
    public void DefendOnAggregation_ThresholdZero_TakesTheSortedValueAtIndexHalfN()
    {
        // Sorted (1, 2, 4, 9): index 2 → 4 (the median would be 3); sorted (1, 2, 3, 5, 100): index 2 → 3.
        var four = Always().DefendOnAggregation(Updates(new[] { 1f }, new[] { 9f }, new[] { 4f }, new[] { 2f }), Context(new float[1], 4));
        var five = Always().DefendOnAggregation(Updates(new[] { 5f }, new[] { 1f }, new[] { 100f }, new[] { 3f }, new[] { 2f }), Context(new float[1], 5));
        Assert.Equal(4f, four.Weights[0]);
        Assert.Equal(3f, five.Weights[0]);
        Assert.Empty(four.Verdicts);
    }

    [Fact]
    public void DefendOnAggregation_Buffers_TakeTheWeightedMean()
    {
        var updates = Updates(new[] { 1f, 10f }, new[] { 2f, 20f }, new[] { 100f, 60f });
        var outcome = Always().DefendOnAggregation(updates, Context(new float[2], 3, layout: BufferLayout(1, 1)));
        Assert.Equal(new[] { 2f, 30f }, outcome.Weights);
    }

    [Fact]
    public void DefendOnAggregation_TooFewClientsForTheTest_TakesFedAvg()
    {
        // n = 3: ⌊0.9⌋ = 0 values to draw, no test, share 0 < 0.02 → FedAvg (1 + 2 + 9)/3 = 4, not the selection 2.
        var context = Context(new float[1], 3);
        var outcome = new FedRdfDefense(new FedRdfOptions()).DefendOnAggregation(Updates(new[] { 1f }, new[] { 2f }, new[] { 9f }), context);
        Assert.Equal(4f, outcome.Weights[0]);
        Assert.Equal(0, context.Metrics["fedrdf_fourier"]);
        Assert.Equal(0, context.Metrics["fedrdf_ks_share"]);
    }

    [Fact]
    public void KolmogorovSmirnov_HandCases_MatchTheExactDistribution()
    {
        // (1, 2, 3) vs (4, 5): complete separation, m·n·D = 6; P(D = 1) = 2 / C(5, 2) = 0.2.
        Assert.Equal(6, TwoSampleKolmogorovSmirnov.ScaledStatistic(new double[] { 1, 2, 3 }, new double[] { 4, 5 }));
        Assert.Equal(0.2, TwoSampleKolmogorovSmirnov.PValue(3, 2, 6), 12);

        // Ties: (1, 1) vs (1, 2): at 1, F₁ = 1 and F₂ = 0.5 → D = 0.5, m·n·D = 2.
        Assert.Equal(2, TwoSampleKolmogorovSmirnov.ScaledStatistic(new double[] { 1, 1 }, new double[] { 1, 2 }));

        // 7 vs 3 (FedRDF with 10 clients): D = 1 has p = 2/120; D = 6/7 (18 of 21) has p = 8/120, counted by hand: b's all
        // after six a's or all before the second a, 4 + 4 = 8 paths with D ≥ 6/7 (the 2 with D = 1 among them) → 8/120 ≥ 0.05,
        // so only D = 1 rejects.
        Assert.Equal(2.0 / 120, TwoSampleKolmogorovSmirnov.PValue(7, 3, 21), 12);
        Assert.Equal(8.0 / 120, TwoSampleKolmogorovSmirnov.PValue(7, 3, 18), 12);
        Assert.InRange(TwoSampleKolmogorovSmirnov.CriticalCount(7, 3, 0.05), 19, 21); // 19 and 20 are not reachable: the same test
        Assert.Equal(int.MaxValue, TwoSampleKolmogorovSmirnov.CriticalCount(6, 2, 0.05));
    }

    [Theory]
    [InlineData(7, 3, 0.05)]
    [InlineData(14, 6, 0.05)]
    [InlineData(21, 9, 0.01)]
    [InlineData(35, 15, 0.05)]
    public void CriticalCount_BinarySearch_IsTheFirstStatisticThatRejects(int m, int n, double alpha)
    {
        int critical = TwoSampleKolmogorovSmirnov.CriticalCount(m, n, alpha);
        Assert.True(TwoSampleKolmogorovSmirnov.PValue(m, n, critical) < alpha);
        Assert.All(Enumerable.Range(1, critical - 1), k => Assert.True(TwoSampleKolmogorovSmirnov.PValue(m, n, k) >= alpha, $"k = {k}"));
    }

    [Fact]
    public void CriticalCount_FewerThanTenClients_NoSplitCanReject()
    {
        // ⌊0.3n⌋ against the rest: the smallest p is 2 / C(n, ⌊0.3n⌋), below 0.05 from n = 10 on (2/120) but not at
        // n = 9 (2/36) or below; n ≤ 3 draws nothing.
        for (int n = 4; n <= 30; n++)
        {
            int drawn = (int)(n * FedRdfDefense.SplitShare);
            bool can = TwoSampleKolmogorovSmirnov.CriticalCount(n - drawn, drawn, FedRdfDefense.Alpha) != int.MaxValue;
            Assert.Equal(n >= 10, can);
        }
    }

    [Fact]
    public void RejectingShare_AnyDistinctValues_IsThePermutationNullRate()
    {
        // The test compares a random split of the values with itself, so for distinct values its rejection rate is the
        // exact null rate whatever the values: with 10 clients 2/120 (the drawn 3 are the 3 largest or the 3 smallest),
        // honest or attacked alike; identical values never reject.
        const int d = 12000;
        var random = new Random(7);
        var honest = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, d).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var attacked = honest.Select((w, i) => i < 3 ? w.Select(v => v + 100f).ToArray() : w).ToArray();
        var tied = Enumerable.Range(0, 10).Select(_ => new float[d]).ToArray();
        var layout = Fixtures.FlatLayout(d);

        double Share(float[][] w) => FedRdfDefense.RejectingShare(Updates(w), layout, new Random(1));

        Assert.InRange(Share(honest), (2.0 / 120) - 0.004, (2.0 / 120) + 0.004);
        Assert.InRange(Share(attacked), (2.0 / 120) - 0.004, (2.0 / 120) + 0.004);
        Assert.Equal(0, Share(tied));
    }

    [Fact]
    public void DefendOnAggregation_AByzantineMinority_StaysWithinTheHonestRange()
    {
        // Property: with fewer than half the values Byzantine, index ⌊n/2⌋ of the sorted values lies between the
        // smallest and the largest honest value, on every coordinate, however large the Byzantine values are.
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = random.Next(3, 16);
            int byzantine = (n - 1) / 2;
            var weights = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, 5).Select(_ => i < byzantine ? (random.Next(2) == 0 ? -1e6f : 1e6f) : (float)random.NextDouble()).ToArray()).ToArray();
            var w = Always().DefendOnAggregation(Updates(weights), Context(new float[5], n)).Weights;
            for (int c = 0; c < 5; c++)
            {
                var honest = weights.Skip(byzantine).Select(x => x[c]).ToArray();
                Assert.InRange(w[c], honest.Min(), honest.Max());
            }
        }
    }

    [Fact]
    public void Descriptor_ThresholdKey_ValidatedAndCreatesOnAggregationDefense()
    {
        var defense = Create<FedRdfDefense>(FedRdfRegistration.Descriptor, 10, ("fedrdf_threshold", "0.1"));
        Assert.Equal(0.1, defense.Options.Threshold);
        Assert.IsAssignableFrom<IOnAggregationDefense>(defense);
        var problems = Problems(a => FedRdfOptions.Read(a), 10, ("fedrdf_threshold", "1.5"));
        Assert.Contains(problems, p => p.ToString().Contains("fedrdf_threshold", StringComparison.Ordinal));
    }
}
