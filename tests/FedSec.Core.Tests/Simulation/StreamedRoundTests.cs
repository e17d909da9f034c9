using System.Text.Json;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Krum;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Output;
using FedSec.Parameters;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public class StreamedRoundTests
{
    private static ExperimentConfig Config(bool exact) => new()
    {
        ClientNumInTotal = 7,
        ClientNumPerRound = 6,
        CommRound = 3,
        RandomSeed = 9,
        EnableAttack = true,
        AttackType = "byzantine",
        EnableDefense = true,
        DefenseTypes = new[] { "norm_diff_clipping" },
        ExactSum = exact,
    };

    private static Experiment NewExperiment(bool exact = true, object? defense = null) => new(
        TestSetup.Of(Config(exact), new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 2 }), defense ?? new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 3 })),
        new FakeBackend(d: 40),
        new ExperimentData(Enumerable.Range(0, 7).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0)));

    private static string[] Lines(IEnumerable<RoundRecord> records) =>
        records.Select(r => JsonSerializer.Serialize(r.WithoutTimings(), JsonOptions.Lines)).ToArray();

    [Fact]
    public void StreamedInAnyOrder_ForgedAtClients_SameRecordsAndModelAsTheSimulation()
    {
        // The simulation runs the Byzantine attack in the server, so its attacked rounds hold every update and take the
        // exact mean of the list; the "distributed" run forges at the clients and streams every round, adding the
        // updates in a scrambled order and dropping their vectors. Both must agree bit for bit.
        var simulated = NewExperiment().Run();
        var experiment = NewExperiment();
        var server = experiment.CreateServer();
        var clients = experiment.CreateClients();
        var random = new Random(3);
        int streamed = 0;
        while (!server.Finished)
        {
            var plan = server.Plan();
            var results = clients.ForgeOwnUpdates(plan, clients.Train(plan, plan.Sampled).OfType<ClientResult>().ToList()).ToList();
            var stream = server.OpenStream(plan, attackedAtClients: true);
            Assert.NotNull(stream);
            streamed++;
            var arrived = new Dictionary<int, ClientResult>();
            foreach (var r in results.OrderBy(_ => random.Next()))
            {
                stream.Add(new ClientUpdate(r.ClientId, r.SampleCount, r.Weights));
                arrived[r.ClientId] = r with { Weights = Array.Empty<float>() };
            }

            server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, arrived), attackedAtClients: true, stream: stream);
        }

        var split = server.Result();
        Assert.Equal(3, streamed);
        Assert.Equal(Lines(simulated.Rounds), Lines(split.Rounds));
        Assert.Equal(simulated.FinalGlobal, split.FinalGlobal);
        Assert.Contains(simulated.Rounds, r => r.Attacked.Count > 0);
        Assert.Contains(simulated.Rounds.SelectMany(r => r.Defenses).SelectMany(d => d.Verdicts), v => v.Kind == VerdictKind.Modified);
    }

    [Fact]
    public void OpenStream_OnlyWithExactSumAndPerUpdateStagesAndNoAttackInTheServer()
    {
        var server = NewExperiment().CreateServer();
        var plan = server.Plan();
        Assert.NotNull(server.OpenStream(plan, attackedAtClients: true));
        Assert.Equal(plan.AttackActive && plan.Malicious.Count > 0, server.OpenStream(plan, attackedAtClients: false) is null);

        var off = NewExperiment(exact: false).CreateServer();
        Assert.Null(off.OpenStream(off.Plan(), attackedAtClients: true));

        var krum = NewExperiment(defense: new KrumDefense(new KrumOptions { ByzantineClientNum = 2, M = 3 })).CreateServer();
        Assert.Null(krum.OpenStream(krum.Plan(), attackedAtClients: true));
    }

    [Fact]
    public void Complete_AnUpdateOutsideTheExactRange_FailsNamingTheClient()
    {
        var server = NewExperiment(defense: new NormDiffClippingDefense(new NormDiffClippingOptions { NormBound = 1e30 })).CreateServer();
        var plan = server.Plan();
        var stream = server.OpenStream(plan, attackedAtClients: true)!;
        var arrived = new Dictionary<int, ClientResult>();
        foreach (int c in plan.Sampled)
        {
            var weights = new float[40];
            weights[5] = c == plan.Sampled[2] ? 1e13f : 0.5f;
            stream.Add(new ClientUpdate(c, 100, weights));
            arrived[c] = new ClientResult(c, 100, Array.Empty<float>(), 1.0);
        }

        var error = Assert.Throws<InvalidUpdateException>(() => server.Complete(plan, ClientTraining.Assemble(plan.Round, plan.Sampled, arrived), attackedAtClients: true, stream: stream));
        Assert.StartsWith($"Client {plan.Sampled[2]}'s update holds 1E+13 at index 5, times its weight 100, outside the exact sum's range", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(train_args.exact_sum)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_TheSameClientTwice_IsAnError()
    {
        var server = NewExperiment().CreateServer();
        var plan = server.Plan();
        var stream = server.OpenStream(plan, attackedAtClients: true)!;
        stream.Add(new ClientUpdate(plan.Sampled[0], 10, new float[40]));
        Assert.Throws<InvalidOperationException>(() => stream.Add(new ClientUpdate(plan.Sampled[0], 10, new float[40])));
    }
}
