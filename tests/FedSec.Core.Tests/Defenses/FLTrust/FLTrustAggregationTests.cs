using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.FLTrust;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.FLTrust;

public class FLTrustAggregationTests
{
    private static readonly float[] Global = { 0.5f, 0.5f };

    private static AggregationOutcome Run(float[] serverDelta, params float[][] deltas)
    {
        var server = Global.Zip(serverDelta, (g, d) => g + d).ToArray();
        var context = DefenseTestData.Context(Global, Enumerable.Range(0, deltas.Length), serverTrainer: () => server);
        return new FLTrustAggregation(new FLTrustOptions()).DefendOnAggregation(DefenseTestData.FromDeltas(Global, deltas), context);
    }

    [Fact]
    public void DefendOnAggregation_HandCase_TrustWeightedRescaledMean()
    {
        // g₀ = (1, 0). Δ₁ = (2, 0): TS 1, rescaled (1, 0). Δ₂ = (1, 1): TS 1/√2, rescaled (1/√2, 1/√2).
        // Δ₃ = (−3, 0): TS 0. G + (1·(1, 0) + ½·(1, 1)) / (1 + 1/√2).
        var outcome = Run(new float[] { 1, 0 }, new float[] { 2, 0 }, new float[] { 1, 1 }, new float[] { -3, 0 });
        double total = 1 + (1 / Math.Sqrt(2));
        Assert.Equal(0.5 + (1.5 / total), outcome.Weights[0], 5);
        Assert.Equal(0.5 + (0.5 / total), outcome.Weights[1], 5);
        Assert.Equal(1, outcome.Verdicts[0].Weight, 9);
        Assert.Equal(1 / Math.Sqrt(2), outcome.Verdicts[1].Weight, 9);
        Assert.Equal(0, outcome.Verdicts[2].Weight);
        Assert.Equal(new[] { VerdictKind.Reweighted, VerdictKind.Reweighted, VerdictKind.Removed }, outcome.Verdicts.Select(v => v.Kind));
    }

    [Theory]
    [InlineData(null, ServerTrainingLength.ClientSteps)]
    [InlineData(ServerTrainingLength.Epochs, ServerTrainingLength.Epochs)]
    public void DefendOnAggregation_AsksTheServerToTrainForItsConfiguredLength(ServerTrainingLength? configured, ServerTrainingLength expected)
    {
        var asked = new List<ServerTrainingLength>();
        var context = DefenseTestData.Context(Global, [0], serverTrainer: () => [1.5f, 0.5f], asked: asked);
        var options = configured is { } length ? new FLTrustOptions { ServerTraining = length } : new FLTrustOptions();

        new FLTrustAggregation(options).DefendOnAggregation(DefenseTestData.FromDeltas(Global, [[1, 0]]), context);

        Assert.Equal([expected], asked);
    }

    [Fact]
    public void DefendOnAggregation_OpposedToRootUpdate_GetsWeightZero()
    {
        var outcome = Run(new float[] { 0.3f, -0.4f }, new float[] { -3, 4 }, new float[] { 3, -1 });
        Assert.Equal(0, outcome.Verdicts[0].Weight);
        Assert.True(outcome.Verdicts[0].Flagged);
        Assert.Equal(-1, outcome.Verdicts[0].Score!.Value, 6);
    }

    [Fact]
    public void DefendOnAggregation_SingleAlignedUpdate_RescaledToRootNorm()
    {
        // g₀ = (3, 4), ‖g₀‖ = 5; Δ = (0, 10) has cosine 0.8 and is rescaled to (0, 5).
        var outcome = Run(new float[] { 3, 4 }, new float[] { 0, 10 });
        Assert.Equal(new[] { 0.5f, 5.5f }, outcome.Weights);
        Assert.Equal(0.8, outcome.Verdicts[0].Weight, 6);
    }

    [Fact]
    public void DefendOnAggregation_EveryScoreZero_GlobalUnchanged()
    {
        var outcome = Run(new float[] { 1, 0 }, new float[] { -1, 0 }, new float[] { 0, 2 });
        Assert.Equal(Global, outcome.Weights);
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Removed, v.Kind));
    }

    [Fact]
    public void DefendOnAggregation_NoServerTrainer_ThrowsNamingTheRootSet()
    {
        var context = DefenseTestData.Context(Global, new[] { 0 });
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 1, 1 }) };
        var e = Assert.Throws<InvalidOperationException>(() => new FLTrustAggregation(new FLTrustOptions()).DefendOnAggregation(updates, context));
        Assert.Contains("root set", e.Message, StringComparison.Ordinal);
        Assert.Contains("root_set_size = 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootSetSize_FromOptions_IsWhatTheEngineHoldsOut()
    {
        INeedsServerData defense = new FLTrustAggregation(new FLTrustOptions { RootSetSize = 250 });
        Assert.Equal(250, defense.RootSetSize);
    }
}
