using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.ServerOptimizers;

namespace FedSec.Core.Tests.ServerOptimizers;

public sealed class FedBuffServerTests
{
    private static readonly ParameterLayout Layout = Fixtures.FlatLayout(2);

    [Fact]
    public void Step_BufferOfAFreshAndAStaleUpdate_StepsAlongTheMeanOfStalenessScaledDeltas()
    {
        // x_t = (1, 1). A: staleness 0, trained from x_t to (3, 1): Δ = (2, 0), s(0) = 1 → (3, 1).
        // B: staleness 3, trained from (0, 0) to (0, 4): Δ = (0, 4), s(3) = 4^−½ = ½ → x_t + (0, 2) = (1, 3).
        // Plain mean over the buffer (sample counts 10 and 30 play no part): (2, 2); η_g = ½: (1, 1) + ½·(1, 1) = (1.5, 1.5).
        float[] global = { 1, 1 };
        var config = new ExperimentConfig { FederatedOptimizer = FederatedOptimizer.FedBuff, ServerLr = 0.5, StalenessFunction = StalenessFunction.Polynomial, StalenessA = 0.5 };
        var server = (FedBuffServer)ServerOptimizerFactory.Create(config);
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 3, 1 }), new ClientUpdate(1, 30, new float[] { 0, 4 }) };
        var received = new ReceivedUpdates(
            global,
            Layout,
            new Dictionary<int, int>(),
            new Dictionary<int, int> { [0] = 0, [1] = 3 },
            new Dictionary<int, float[]> { [0] = global, [1] = new float[] { 0, 0 } });

        var prepared = server.Prepare(updates, received);
        Assert.Equal(new float[] { 3, 1 }, prepared[0].Weights);
        Assert.Equal(new float[] { 1, 3 }, prepared[1].Weights);
        Assert.All(prepared, u => Assert.Equal(1, u.AggregationWeight));

        var next = server.Step(global, WeightedMean.Of(prepared), Layout);
        Assert.Equal(new float[] { 1.5f, 1.5f }, next);
    }

    [Fact]
    public void Step_FreshUpdatesEqualCountsUnitServerRate_EqualsFedAvg()
    {
        var rng = new Random(11);
        float[] global = Enumerable.Range(0, 2).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, 4).Select(i => new ClientUpdate(i, 10, new[] { (float)rng.NextDouble(), (float)rng.NextDouble() })).ToArray();
        var server = (FedBuffServer)ServerOptimizerFactory.Create(new ExperimentConfig { FederatedOptimizer = FederatedOptimizer.FedBuff, ServerLr = 1 });
        var prepared = server.Prepare(updates, new ReceivedUpdates(global, Layout, new Dictionary<int, int>(), updates.ToDictionary(u => u.ClientId, _ => 0), null));

        var next = server.Step(global, WeightedMean.Of(prepared), Layout);
        var fedAvg = WeightedMean.Of(updates);
        Assert.Equal(fedAvg[0], next[0], 6);
        Assert.Equal(fedAvg[1], next[1], 6);
    }
}
