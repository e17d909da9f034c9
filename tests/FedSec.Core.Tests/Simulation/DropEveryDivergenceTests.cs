using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

/// <summary>
/// <c>train_args.on_divergence: drop</c> (<see cref="RoundPlan.DropEveryDivergence"/>), as a distributed server that
/// does not trust its nodes' divergence reports runs: an honest client whose training diverged is left out like an
/// attacker's, and the run diverges only when no update of the round is left.
/// </summary>
public sealed class DropEveryDivergenceTests
{
    private static readonly ImageSet Test = new(Enumerable.Repeat(0.5f, 5 * 4).ToArray(), [0, 3, 0, 5, 7], 1, 2, 2, 10);

    private static readonly ClientResult Ok0 = new(0, 5, [0f, 1f], 0.3);
    private static readonly ClientResult NaN1 = new(1, 5, [0f, float.NaN], double.NaN) { DivergedReason = "client 1's local training produced NaN at w[1]" };
    private static readonly ClientResult Ok2 = new(2, 7, [2f, 1f], 0.5);

    private static RoundPlan Plan(bool drop) => new(2, [0, 1, 2], false, new HashSet<int>(), new HashSet<int>(), [0f, 0f]) { DropEveryDivergence = drop };

    private static (ExperimentResult Result, DivergingBackend Backend) Run(Func<int, float[], float[]> rewrite)
    {
        var backend = new DivergingBackend(rewrite);
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, CommRound = 4, RandomSeed = 4, OnDivergence = DivergencePolicy.Drop };
        var experiment = new Experiment(TestSetup.Of(config, null), backend, new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i + 1)).ToArray(), Test));
        return (experiment.Run(), backend);
    }

    [Fact]
    public void Assemble_HonestDivergenceUnderDropEveryDivergence_LeavesItOutAndKeepsTheOthers()
    {
        var results = new Dictionary<int, ClientResult> { [0] = Ok0, [1] = NaN1, [2] = Ok2 };

        var training = ClientTraining.Assemble(Plan(drop: true), results);

        Assert.Null(training.Diverged);
        Assert.Equal([0, 2], training.Updates.Select(u => u.ClientId));
        Assert.Equal(0.8, training.LossSum, 12);
        var dropped = Assert.Single(training.Discarded);
        Assert.Equal(1, dropped.Client);
        Assert.Equal("client 1's local training produced NaN at w[1] (left out: this server drops every client whose training diverged and goes on)", dropped.Reason);
    }

    [Fact]
    public void Assemble_SameResultsWithoutIt_StopsTheRoundAtTheHonestDivergence()
    {
        var results = new Dictionary<int, ClientResult> { [0] = Ok0, [1] = NaN1, [2] = Ok2 };

        var training = ClientTraining.Assemble(Plan(drop: false), results);

        Assert.Equal(1, training.Diverged!.ClientId);
        Assert.Equal([0, 1], training.Updates.Select(u => u.ClientId));
        Assert.Empty(training.Discarded);
    }

    [Fact]
    public void DivergenceEndsRound_UnderDropEveryDivergence_FalseForHonestAndMaliciousAlike()
    {
        var plan = new RoundPlan(0, [0, 1], true, new HashSet<int> { 1 }, new HashSet<int> { 1 }, [0f]);

        Assert.True(plan.DivergenceEndsRound(0));
        Assert.False(plan.DivergenceEndsRound(1));
        Assert.False((plan with { DropEveryDivergence = true }).DivergenceEndsRound(0));
    }

    [Fact]
    public void Run_OneHonestClientDivergesInRound2_RunCompletesWithItDroppedAndCounted()
    {
        // Clients train in order 0, 1, 2 every round: call 4 is client 1 in the second round.
        var (result, backend) = Run((n, w) =>
        {
            if (n == 4)
            {
                w[1] = float.NaN;
            }

            return w;
        });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(4, result.Rounds.Count);
        Assert.Equal(12, backend.TrainCalls); // client 2 of that round trained too
        Assert.Equal(1, Assert.Single(result.Rounds[1].Dropped!).Client);
        Assert.Equal(1, result.Rounds[1].Metrics[ExperimentServer.HonestDivergedMetric]);
        Assert.False(result.Rounds[1].Metrics.ContainsKey(ExperimentServer.MaliciousDivergedMetric));
        Assert.All(result.FinalGlobal, w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void Run_EveryClientDivergesInRound2_RunStillDivergesThere()
    {
        var (result, _) = Run((n, w) =>
        {
            if (n is >= 3 and < 6)
            {
                w[1] = float.NaN;
            }

            return w;
        });

        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.Equal(2, result.Rounds.Count);
        Assert.Equal((1, 0), (result.Diverged!.Round, result.Diverged.ClientId));
    }
}
