using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.ServerOptimizers;

namespace FedSec.Core.Tests.ServerOptimizers;

public sealed class FedNovaServerTests
{
    private static readonly ParameterLayout Layout = Fixtures.FlatLayout(2);

    private static float[] Round(FedNovaServer server, float[] global, ClientUpdate[] updates, IReadOnlyDictionary<int, int> steps)
    {
        var prepared = server.Prepare(updates, new ReceivedUpdates(global, Layout, steps, null, null));
        return server.Step(global, WeightedMean.Of(prepared), Layout);
    }

    [Fact]
    public void Step_ThreeClientsWithDifferentSteps_IsGPlusTauEffTimesWeightedMeanOfNormalisedUpdates()
    {
        // G = (1, −1). Deltas (1, 2), (4, 0), (8, −4) with τ = 1, 2, 4 and n = 10, 20, 10: p = ¼, ½, ¼;
        // normalised dᵢ = (1, 2), (2, 0), (2, −1); Σ pᵢdᵢ = (1.75, 0.25); τ_eff = ¼·1 + ½·2 + ¼·4 = 2.25;
        // G + 2.25·(1.75, 0.25) = (4.9375, −0.4375). FedAvg would give G + (4.25, −0.5) = (5.25, −1.5).
        float[] global = { 1, -1 };
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 2, 1 }), new ClientUpdate(1, 20, new float[] { 5, -1 }), new ClientUpdate(2, 10, new float[] { 9, -5 }) };
        var server = new FedNovaServer(epochs: 1, batchSize: 32, momentum: 0);

        var next = Round(server, global, updates, new Dictionary<int, int> { [0] = 1, [1] = 2, [2] = 4 });

        Assert.Equal(4.9375f, next[0], 5);
        Assert.Equal(-0.4375f, next[1], 5);
    }

    [Fact]
    public void Prepare_StepsNotReported_TakesEpochsTimesBatchesFromTheSampleCount()
    {
        // E = 2, B = 10: n = 10 → τ = 2; n = 25 → τ = 2·3 = 6. p = 10/35, 25/35; τ_eff = (20 + 150)/35. Each update becomes
        // G + (τ_eff/aᵢ)(wᵢ − G): (2, 0)·τ_eff/2 and (0, 6)·τ_eff/6, both τ_eff long.
        float[] global = { 0, 0 };
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 2, 0 }), new ClientUpdate(1, 25, new float[] { 0, 6 }) };
        var server = new FedNovaServer(epochs: 2, batchSize: 10, momentum: 0);

        var prepared = server.Prepare(updates, new ReceivedUpdates(global, Layout, new Dictionary<int, int>(), null, null));

        Assert.Equal(170.0 / 35, server.EffectiveSteps, 12);
        Assert.Equal(new float[] { (float)(170.0 / 35), 0 }, prepared[0].Weights);
        Assert.Equal(new float[] { 0, (float)(170.0 / 35) }, prepared[1].Weights);
    }

    [Fact]
    public void Step_ManyMomentumStepsAndASmallUpdate_KeepsTheUpdateToFloatPrecision()
    {
        // ρ = 0.9, τ = 110: aᵢ = τ_eff ≈ 1 010. One client: FedNova's next model is the client's own (1.0001, −1.00004).
        // Storing G + dᵢ/aᵢ ≈ 1 + 9.9·10⁻⁸ in float rounded it to G's ulp (1.19·10⁻⁷), which τ_eff made 1.00012; and
        // −1 − 4·10⁻⁸ rounded to −1: that update vanished.
        float[] global = { 1, -1 };
        float[] client = { 1.0001f, -1.00004f };
        var server = new FedNovaServer(1, 32, momentum: 0.9);

        var next = Round(server, global, new[] { new ClientUpdate(0, 10, client) }, new Dictionary<int, int> { [0] = 110 });

        Assert.Equal(client, next);
    }

    [Theory]
    [InlineData(5, 0.0, 5.0)]
    [InlineData(1, 0.9, 1.0)]
    [InlineData(3, 0.5, 4.25)] // (1 − ½)/½ + (1 − ¼)/½ + (1 − ⅛)/½ = 1 + 1.5 + 1.75
    [InlineData(0, 0.9, 0.0)]
    public void Normalizer_MomentumAware_IsSumOfGeometricPartialSums(int steps, double momentum, double expected) =>
        Assert.Equal(expected, FedNovaServer.Normalizer(steps, momentum), 12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9)]
    public void Step_EveryClientTookTheSameSteps_EqualsFedAvg(double momentum)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var layout = Fixtures.FlatLayout(5);
            float[] global = Enumerable.Range(0, 5).Select(_ => (float)rng.NextDouble()).ToArray();
            int n = rng.Next(1, 6), tau = rng.Next(1, 20);
            var updates = Enumerable.Range(0, n).Select(i => new ClientUpdate(i, rng.Next(1, 100), Enumerable.Range(0, 5).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray())).ToArray();
            var server = new FedNovaServer(1, 32, momentum);
            var prepared = server.Prepare(updates, new ReceivedUpdates(global, layout, updates.ToDictionary(u => u.ClientId, _ => tau), null, null));

            var nova = server.Step(global, WeightedMean.Of(prepared), layout);
            var fedAvg = WeightedMean.Of(updates);

            for (int j = 0; j < 5; j++)
            {
                Assert.Equal(fedAvg[j], nova[j], 4);
            }
        }
    }

    [Fact]
    public void Prepare_Buffers_AreLeftAsTheClientsSentThem()
    {
        // τ = 4 and 2, equal n: τ_eff = 3; the trainable weight scales by 3/4 and 3/2, the buffer stays.
        var layout = new ParameterLayout(new[] { ("w", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Trainable), ("running_mean", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Buffer) });
        var server = new FedNovaServer(1, 32, 0);
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 4, 4 }), new ClientUpdate(1, 10, new float[] { 2, 2 }) };
        var prepared = server.Prepare(updates, new ReceivedUpdates(new float[] { 0, 0 }, layout, new Dictionary<int, int> { [0] = 4, [1] = 2 }, null, null));
        Assert.Equal(new float[] { 3, 4 }, prepared[0].Weights);
        Assert.Equal(new float[] { 3, 2 }, prepared[1].Weights);
    }

    [Fact]
    public void Factory_FedNovaWithMomentum_NormalisesMomentumAware()
    {
        var config = new ExperimentConfig { FederatedOptimizer = FederatedOptimizer.FedNova, Momentum = 0.5 };
        var server = (FedNovaServer)ServerOptimizerFactory.Create(config);
        server.Prepare(new[] { new ClientUpdate(0, 10, new float[] { 1, 1 }) }, new ReceivedUpdates(new float[] { 0, 0 }, Layout, new Dictionary<int, int> { [0] = 3 }, null, null));
        Assert.Equal(4.25, server.EffectiveSteps, 12);
    }
}
