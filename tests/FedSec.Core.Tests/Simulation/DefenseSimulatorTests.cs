using FedSec.Attacks.Optimal;
using FedSec.Configuration;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.FoolsGold;
using FedSec.Defenses.Median;
using FedSec.Parameters;
using FedSec.ServerOptimizers;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class DefenseSimulatorTests
{
    [Fact]
    public void Aggregate_StatefulDefense_LeavesItsStateAsItWasAndRepeatsExactly()
    {
        var foolsGold = new FoolsGoldDefense(new FoolsGoldOptions());
        var stages = new PipelineStages(TestSetup.Of(new ExperimentConfig(), null, foolsGold));
        var rng = new Random(4);
        var global = new float[8];
        var context = DefenseTestData.Context(global, Enumerable.Range(0, 5));
        foolsGold.DefendBeforeAggregation(Enumerable.Range(0, 5).Select(i => new ClientUpdate(i, 10, DefenseTestData.Gaussian(rng, 8))).ToArray(), context);
        var before = State(foolsGold);

        var candidate = Enumerable.Range(0, 5).Select(i => new ClientUpdate(i, 10, DefenseTestData.Gaussian(rng, 8))).ToArray();
        var simulator = new DefenseSimulator(stages);
        var first = simulator.Aggregate(candidate, context);
        var second = simulator.Aggregate(candidate, context);

        Assert.Equal(before, State(foolsGold));
        Assert.Equal(first, second);
        Assert.Equal(0, context.Buffers.RentedCount);
    }

    [Fact]
    public void Run_OptimalIpm_SearchesAgainstTheConfiguredAggregationRule()
    {
        // Against FedAvg the damage grows with ε without bound (the search ends at 2¹⁵ − 1); against the configured
        // coordinate-wise median it saturates, and the attack, reading the median through the context, stops early.
        var attack = new OptimalIpmAttack(new OptimalOptions { ClientNum = 2 });
        double Scale(params object[] defenses) => OptimalIpmScale(TestSetup.Of(new ExperimentConfig(), attack, defenses));

        Assert.Equal(32767.0, Scale());
        Assert.InRange(Scale(new MedianDefense()), 0, 100);
    }

    [Fact]
    public void Run_OptimalIpmWithAServerClippingStage_SearchesAgainstTheClippedRound()
    {
        // A stage clipping every update to norm 1 before aggregation (central DP's place): past ε‖μ‖ = 1 a larger ε no
        // longer moves FedAvg's aggregate, so the search stops instead of taking 2¹⁵ − 1 as it does unclipped. The stage
        // runs once more per candidate and is restored after each: the real round counts one call.
        var clip = new UnitNormClipStage();
        var setup = TestSetup.Of(new ExperimentConfig(), new OptimalIpmAttack(new OptimalOptions { ClientNum = 2 }))
            with { Extensions = [new ConfiguredExtension("dp_args", clip, [])] };

        Assert.InRange(OptimalIpmScale(setup), 0, 100);
        Assert.Equal(1, clip.Calls);
    }

    /// <summary>One round of 10 similar updates, clients 8 and 9 malicious, through <paramref name="setup"/>: the attack's scale.</summary>
    private static double OptimalIpmScale(ExperimentSetup setup)
    {
        var server = new ServerRound(new PipelineStages(setup), ServerOptimizerFactory.Create(setup.Config));
        var rng = new Random(6);
        var global = new float[12];
        var common = DefenseTestData.Gaussian(rng, 12);
        var updates = Enumerable.Range(0, 10).Select(i => new ClientUpdate(i, 10, DefenseTestData.Jitter(rng, common, 0.3))).ToArray();
        var context = DefenseTestData.Context(global, Enumerable.Range(0, 10), malicious: new[] { 8, 9 });
        server.Run(updates, context, attackActive: true);
        Assert.Null(context.DefendedAggregate);
        return context.Metrics["optimal_scale"];
    }

    private static byte[] State(ICrossRoundState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            state.WriteState(writer);
        }

        return stream.ToArray();
    }
}
