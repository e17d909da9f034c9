using System.Text.Json;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Krum;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ExperimentServerTests
{
    private static ExperimentConfig Config() => new()
    {
        ClientNumInTotal = 6,
        ClientNumPerRound = 5,
        CommRound = 3,
        RandomSeed = 5,
        EnableAttack = true,
        AttackType = "byzantine",
        EnableDefense = true,
        DefenseTypes = new[] { "krum" },
    };

    private static Experiment NewExperiment() => new(
        TestSetup.Of(Config(), new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 2 }), new KrumDefense(new KrumOptions { ByzantineClientNum = 2, M = 3 })),
        new FakeBackend(d: 16),
        new ExperimentData(Enumerable.Range(0, 6).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));

    // Every field but the wall time, as rounds.jsonl writes it.
    private static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r.WithoutTimings(), JsonOptions.Lines)).ToArray();

    // Drives the halves as a distributed run does: clients split over two "nodes", each node's results arriving in
    // reverse order, the own-update attack optionally forged at the clients.
    private static ExperimentResult RunSplit(bool forgeAtClients)
    {
        var experiment = NewExperiment();
        var server = experiment.CreateServer();
        var nodes = new[] { experiment.CreateClients(), experiment.CreateClients() };
        while (!server.Finished)
        {
            var plan = server.Plan();
            var arrived = new Dictionary<int, ClientResult>();
            for (int n = 0; n < nodes.Length; n++)
            {
                var hosted = plan.Sampled.Where(c => c % 2 == n).Reverse().ToList();
                var results = nodes[n].Train(plan, hosted).OfType<ClientResult>().ToList();
                if (forgeAtClients)
                {
                    results = nodes[n].ForgeOwnUpdates(plan, results).ToList();
                }

                foreach (var r in Enumerable.Reverse(results))
                {
                    arrived.Add(r.ClientId, r);
                }
            }

            server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, arrived), attackedAtClients: forgeAtClients);
        }

        return server.Result();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Complete_ClientsSplitOverNodesResultsOutOfOrder_SameRecordsAndModelAsRun(bool forgeAtClients)
    {
        var simulated = NewExperiment().Run();
        var split = RunSplit(forgeAtClients);
        Assert.Equal(Lines(simulated.Rounds), Lines(split.Rounds));
        Assert.Equal(simulated.FinalGlobal, split.FinalGlobal);
        Assert.Contains(simulated.Rounds, r => r.Attacked.Count > 0);
    }

    [Fact]
    public void Assemble_ResultsOutOfOrderWithTwoDivergences_StopsAtTheFirstInSamplingOrder()
    {
        var results = new Dictionary<int, ClientResult>
        {
            [4] = new(4, 10, [float.NaN], 1.0) { DivergedReason = "client 4 diverged" },
            [2] = new(2, 10, [1f], 2.0),
            [7] = new(7, 10, [float.NaN], 4.0) { DivergedReason = "client 7 diverged" },
        };
        var training = ClientTraining.Assemble(3, new[] { 2, 7, 4 }, results);
        Assert.Equal(new[] { 2, 7 }, training.Updates.Select(u => u.ClientId));
        Assert.Equal(6.0, training.LossSum);
        Assert.Equal(7, training.Diverged!.ClientId);
        Assert.Equal(3, training.Diverged.Round);
    }

    [Fact]
    public void Assemble_ClientWithoutResult_LeftOutOfTheUpdates()
    {
        var results = new Dictionary<int, ClientResult> { [1] = new(1, 3, [1f], 0.5), [3] = new(3, 4, [2f], 0.25) };
        var training = ClientTraining.Assemble(0, new[] { 1, 2, 3 }, results);
        Assert.Equal(new[] { 1, 3 }, training.Updates.Select(u => u.ClientId));
        Assert.Null(training.Diverged);
    }

    [Fact]
    public void Complete_WrongRound_Throws()
    {
        var server = NewExperiment().CreateServer();
        var plan = server.Plan() with { Round = 1 };
        Assert.Throws<InvalidOperationException>(() => server.Complete(plan, new ClientTraining([], 0, null, null)));
    }
}
