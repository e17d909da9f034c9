using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;
using FedSec.ServerOptimizers;

namespace FedSec.Core.Tests.ServerOptimizers;

public sealed class FedAsyncServerTests
{
    private static readonly ParameterLayout Layout = Fixtures.FlatLayout(2);

    private static float[] MixStale(ExperimentConfig config, int staleness)
    {
        float[] global = { 0, 2 };
        var update = new ClientUpdate(5, 10, new float[] { 4, -2 });
        var server = (FedAsyncServer)ServerOptimizerFactory.Create(config with { FederatedOptimizer = FederatedOptimizer.FedAsync });
        var prepared = server.Prepare(new[] { update }, new ReceivedUpdates(global, Layout, new Dictionary<int, int>(), new Dictionary<int, int> { [5] = staleness }, null));
        Assert.Same(update, Assert.Single(prepared));
        return server.Step(global, update.Weights, Layout);
    }

    [Fact]
    public void Step_Constant_MixesWithAlpha()
    {
        // α = 0.5: ½·(0, 2) + ½·(4, −2) = (2, 0), whatever the staleness.
        var next = MixStale(new ExperimentConfig { AsyncAlpha = 0.5, StalenessFunction = StalenessFunction.Constant }, 3);
        Assert.Equal(new float[] { 2, 0 }, next);
    }

    [Fact]
    public void Step_Polynomial_MixesWithAlphaTimesInverseRootOfStalenessPlusOne()
    {
        // a = ½, k = 3: αₜ = 0.5·4^−½ = 0.25: ¾·(0, 2) + ¼·(4, −2) = (1, 1).
        var next = MixStale(new ExperimentConfig { AsyncAlpha = 0.5, StalenessFunction = StalenessFunction.Polynomial, StalenessA = 0.5 }, 3);
        Assert.Equal(new float[] { 1, 1 }, next);
    }

    [Fact]
    public void Step_HingeBeyondB_MixesWithReducedWeight()
    {
        // a = 1, b = 1, k = 3: s = 1/(1·2 + 1) = ⅓, αₜ = ⅙: (4/6, 2 − 4/6).
        var next = MixStale(new ExperimentConfig { AsyncAlpha = 0.5, StalenessFunction = StalenessFunction.Hinge, StalenessA = 1, StalenessB = 1 }, 3);
        Assert.Equal(4.0f / 6, next[0], 6);
        Assert.Equal(2 - (4.0f / 6), next[1], 6);
    }

    [Fact]
    public void Step_HingeWithinB_MixesWithAlpha()
    {
        var next = MixStale(new ExperimentConfig { AsyncAlpha = 0.5, StalenessFunction = StalenessFunction.Hinge, StalenessA = 1, StalenessB = 3 }, 3);
        Assert.Equal(new float[] { 2, 0 }, next);
    }

    [Fact]
    public void Step_AlphaOneAndFreshUpdate_ReplacesTheModel()
    {
        var next = MixStale(new ExperimentConfig { AsyncAlpha = 1, StalenessFunction = StalenessFunction.Polynomial }, 0);
        Assert.Equal(new float[] { 4, -2 }, next);
    }

    [Fact]
    public void Prepare_TwoUpdates_Throws()
    {
        var server = (FedAsyncServer)ServerOptimizerFactory.Create(new ExperimentConfig { FederatedOptimizer = FederatedOptimizer.FedAsync });
        var two = new[] { Fixtures.Update(0, 1, 1), Fixtures.Update(1, 1, 1) };
        Assert.Throws<InvalidOperationException>(() => server.Prepare(two, new ReceivedUpdates(new float[2], Layout, new Dictionary<int, int>(), null, null)));
    }
}
