using FedSec.Configuration;
using FedSec.Network.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Network.Tests.Server;

/// <summary>
/// A backdoor whose trigger adapts (A3FL, IBA) changes it in the attacker's process; the server measures the attack
/// success rate with the trigger the attacker's node sent with its updates, as the simulation measures it with the one
/// its training left.
/// </summary>
[Collection(OneAtATime.Name)]
public class AdaptiveAttackStateTests
{
    private static ExperimentConfig Config(bool secure) => (secure ? FakeExperiment.SecureConfig(rounds: 3) : FakeExperiment.Config(rounds: 3)) with
    {
        EnableAttack = true,
        AttackType = "fake_adaptive",
        EnableDefense = false,
        DefenseTypes = [],
    };

    private static Experiment Create(ExperimentConfig config, List<FakeAdaptiveBackdoor> made, bool secure = false)
    {
        var attack = new FakeAdaptiveBackdoor(3);
        lock (made)
        {
            made.Add(attack);
        }

        var setup = TestSetup.Of(config, attack);
        if (secure)
        {
            var options = new FedSec.Privacy.SecureAggregation.SecAggOptions { NumShares = 4, Threshold = 3, QuantizationRange = FedSec.Privacy.SecureAggregation.FixedPoint.DefaultRange(config.ClientNumPerRound) };
            setup = setup with { Extensions = [new FedSec.Setup.ConfiguredExtension("secure_aggregation_args", new FedSec.Privacy.SecureAggregation.SecureAggregationProtocol(options, () => []), [])] };
        }

        var test = FakeBackend.Data(7, 0);
        var experiment = new Experiment(setup, new FakeBackend(), new ExperimentData(Enumerable.Range(0, config.ClientNumInTotal).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), test));
        foreach (var metric in FedSec.Simulation.Metrics.StandardMetrics.For(setup, test))
        {
            experiment.AddMetric(metric);
        }

        return experiment;
    }


    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_AttackerOnANode_ServerMeasuresEachRoundWithTheTriggerTheAttackerLeft(bool secure)
    {
        // Under secure aggregation the state travels with the attacker's report (its update never reaches the server).
        var config = Config(secure);
        var simulatedAttacks = new List<FakeAdaptiveBackdoor>();
        var simulated = Create(config, simulatedAttacks, secure).Run();
        var made = new List<FakeAdaptiveBackdoor>();
        await using var federation = await LocalFederation.StartAsync(config, create: c => Create(c, made, secure));
        var nodes = new[] { federation.Node("a", [0, 3]).RunAsync(), federation.Node("b", [1, 2]).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);

        // Client 3 trains in rounds 0, 1, 2: the trigger goes 1 → 5 → 13 → 25, and each round is measured after it changed.
        Assert.Equal([5L, 13L, 25L], Assert.Single(simulatedAttacks).MeasuredWith);
        Assert.Equal(simulatedAttacks[0].MeasuredWith, made[0].MeasuredWith);
        Assert.Equal(ComparableRounds.Lines(simulated.Rounds), ComparableRounds.Lines(result.Rounds));
        Assert.All(federation.Completed, r => Assert.Empty(r.Dropped!));
    }
}
