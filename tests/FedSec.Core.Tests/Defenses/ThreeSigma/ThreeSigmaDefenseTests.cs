using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Common;
using FedSec.Defenses.ThreeSigma;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.ThreeSigma;

public class ThreeSigmaDefenseTests
{
    private static DefenseOutcome Run(float[][] deltas, double lambda = 3, ThresholdStatistics statistics = ThresholdStatistics.MedianMad)
    {
        var global = new float[deltas[0].Length];
        var defense = new ThreeSigmaDefense(new OutlierFilterOptions { Lambda = lambda, Statistics = statistics });
        return defense.DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, deltas.Length)));
    }

    [Fact]
    public void DefendBeforeAggregation_FarOutlierAmongTightUpdates_RemovesOnlyIt()
    {
        var rng = new Random(3);
        var deltas = Enumerable.Range(0, 9).Select(_ => DefenseTestData.Jitter(rng, new float[] { 1, 1, 1, 1 }, 0.05))
            .Append(new float[] { 50, -50, 50, -50 }).ToArray();
        var outcome = Run(deltas);
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[9].Kind);
        Assert.All(outcome.Verdicts.Take(9), v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.Equal(9, outcome.Updates.Count);
        Assert.DoesNotContain(outcome.Updates, u => u.ClientId == 9);
    }

    [Fact]
    public void DefendBeforeAggregation_EvenlySpreadUpdates_KeepsAll()
    {
        // Values 0..4: median 2, scores 2, 1, 0, 1, 2; their median 1 and MAD 1 give 1 + 3·1.4826 > 2.
        var outcome = Run(new[] { 0f, 1, 2, 3, 4 }.Select(v => new[] { v }).ToArray());
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.Equal(new double?[] { 2, 1, 0, 1, 2 }, outcome.Verdicts.Select(v => v.Score));
    }

    [Fact]
    public void DefendBeforeAggregation_Lambda_MovesThresholdAsDefined()
    {
        // Values 0,1,2,3,4,9: median 2.5, scores 2.5,1.5,.5,.5,1.5,6.5; score median 1.5, MAD 1:
        // threshold 1.5 + λ·1.4826 is 5.95 for λ = 3 (6.5 removed) and 7.43 for λ = 4 (kept).
        var deltas = new[] { 0f, 1, 2, 3, 4, 9 }.Select(v => new[] { v }).ToArray();
        Assert.Equal(VerdictKind.Removed, Run(deltas, lambda: 3).Verdicts[5].Kind);
        Assert.All(Run(deltas, lambda: 4).Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
    }

    [Fact]
    public void DefendBeforeAggregation_BufferDiffers_ScoresTrainableOnly()
    {
        // Client 2's buffer is far off, its trainable part is the median: it must not be removed.
        var layout = DefenseTestData.WithBuffer(1, 1);
        var global = new float[] { 0, 1 };
        var updates = new[]
        {
            new ClientUpdate(0, 10, new float[] { 0, 1 }),
            new ClientUpdate(1, 10, new float[] { 1, 1 }),
            new ClientUpdate(2, 10, new float[] { 2, 1000 }),
            new ClientUpdate(3, 10, new float[] { 3, 1 }),
            new ClientUpdate(4, 10, new float[] { 4, 1 }),
        };
        var defense = new ThreeSigmaDefense(new OutlierFilterOptions());
        var outcome = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 5), layout));
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
    }
}
