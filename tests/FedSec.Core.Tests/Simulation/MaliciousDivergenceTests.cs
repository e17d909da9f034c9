using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

/// <summary>
/// A malicious client whose own local training diverges: its non-finite update is left out of the round (the attacker's
/// failure, dropped as a server drops any non-finite update), where an honest client's divergence ends the run.
/// </summary>
public sealed class MaliciousDivergenceTests
{
    private static readonly ImageSet Test = new(Enumerable.Repeat(0.5f, 5 * 4).ToArray(), [0, 3, 0, 5, 7], 1, 2, 2, 10);

    private static ExperimentConfig Config() => new()
    {
        ClientNumInTotal = 3,
        ClientNumPerRound = 3,
        CommRound = 4,
        RandomSeed = 4,
        EnableAttack = true,
        AttackType = "watching",
    };

    private static ExperimentResult Run(DivergingBackend backend, WatchingAttack attack) =>
        new Experiment(TestSetup.Of(Config(), attack), backend, new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i + 1)).ToArray(), Test)).Run();

    [Fact]
    public void Run_MaliciousClientsTrainingDiverges_ItsUpdateIsLeftOutAndTheRunGoesOn()
    {
        // Clients train in order 0, 1, 2 every round: call 4 is client 1 in the second round.
        var backend = DivergingBackend.NaNOnCall(4);
        var attack = new WatchingAttack(malicious: 1);

        var result = Run(backend, attack);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(4, result.Rounds.Count);
        Assert.Equal(12, backend.TrainCalls); // client 2 of that round trained too
        var dropped = Assert.Single(result.Rounds[1].Dropped!);
        Assert.Equal(1, dropped.Client);
        Assert.Equal("client 1's local training produced NaN at w[1] (a malicious client: its non-finite update is left out and the round goes on)", dropped.Reason);
        Assert.Equal(1, result.Rounds[1].Metrics[ExperimentServer.MaliciousDivergedMetric]);
        Assert.Equal([[0, 1, 2], [0, 2], [0, 1, 2], [0, 1, 2]], attack.Seen);
        Assert.All(result.Rounds.Where(r => r.Round != 1), r => Assert.Null(r.Dropped));
        Assert.All(result.FinalGlobal, w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void Run_HonestClientDivergesInARunWithAnAttacker_StillEndsTheRunThere()
    {
        var backend = DivergingBackend.NaNOnCall(4);

        var result = Run(backend, new WatchingAttack(malicious: 0));

        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.Equal(1, result.Diverged!.ClientId);
        Assert.Equal(2, result.Rounds.Count);
        Assert.Equal(5, backend.TrainCalls);
    }

    [Fact]
    public void Assemble_OnlyAMaliciousDivergedResult_DivergesAtIt_SinceNoUpdateWouldBeLeft()
    {
        var nan = new ClientResult(1, 5, [0f, float.NaN], 0.3) { DivergedReason = "client 1's local training produced NaN at w[1]" };

        var training = ClientTraining.Assemble(2, [1], new Dictionary<int, ClientResult> { [1] = nan }, new HashSet<int> { 1 });

        Assert.Equal(1, training.Diverged!.ClientId);
        Assert.Same(nan.Weights, training.DivergedWeights);
        Assert.Empty(training.Discarded);
    }

    [Fact]
    public void Assemble_WithoutTheMaliciousSet_ADivergedResultStopsTheRound()
    {
        var ok = new ClientResult(0, 5, [0f, 1f], 0.3);
        var nan = new ClientResult(1, 5, [0f, float.NaN], 0.3) { DivergedReason = "client 1's local training produced NaN at w[1]" };

        var training = ClientTraining.Assemble(2, [0, 1], new Dictionary<int, ClientResult> { [0] = ok, [1] = nan });

        Assert.Equal(1, training.Diverged!.ClientId);
    }
}
