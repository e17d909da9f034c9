using FedSec.Aggregation;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.AnomalyDetection;
using FedSec.Defenses.Common;
using FedSec.Defenses.ThreeSigma;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.AnomalyDetection;

public class AnomalyDetectionDefenseTests
{
    private static (float[][] Deltas, float[] Global) Round()
    {
        // Eight updates along (1, 2, 3, 4) with noise, one scaled up tenfold in the same direction, one sign-flipped.
        var rng = new Random(11);
        var dir = new float[] { 1, 2, 3, 4 };
        var deltas = Enumerable.Range(0, 8).Select(_ => DefenseTestData.Jitter(rng, dir, 0.1)).ToList();
        deltas.Add(dir.Select(v => v * 10).ToArray());
        deltas.Add(dir.Select(v => -v).ToArray());
        return (deltas.ToArray(), new float[4]);
    }

    [Fact]
    public void DefendBeforeAggregation_FlippedAndScaledUpdates_RemovesFlippedKeepsScaled()
    {
        var (deltas, global) = Round();
        var outcome = new AnomalyDetectionDefense(new OutlierFilterOptions())
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[9].Kind);
        Assert.Equal(VerdictKind.Kept, outcome.Verdicts[8].Kind);
        Assert.Equal(9, outcome.Updates.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_ScoreIsCosineDistanceToMedian()
    {
        var (deltas, global) = Round();
        var outcome = new AnomalyDetectionDefense(new OutlierFilterOptions())
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        var median = CoordinateMedian.Of(deltas);
        Assert.Equal(1 - CosineSimilarity.Of(deltas[9], median), outcome.Verdicts[9].Score!.Value, 12);
        Assert.True(outcome.Verdicts[9].Score > 1.9);
    }

    [Fact]
    public void DefendBeforeAggregation_ScaledUpdate_EuclideanThreeSigmaRemovesIt()
    {
        // The contrast that motivates the cosine score: 3sigma's Euclidean distance flags the scaled update too.
        var (deltas, global) = Round();
        var outcome = new ThreeSigmaDefense(new OutlierFilterOptions())
            .DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[8].Kind);
    }
}
