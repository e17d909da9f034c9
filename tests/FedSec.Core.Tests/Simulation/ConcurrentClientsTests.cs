using FedSec.Setup;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Krum;
using FedSec.Randomness;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ConcurrentClientsTests
{
    private static ExperimentConfig Config(int rounds = 3) => new()
    {
        ClientNumInTotal = 8,
        ClientNumPerRound = 6,
        CommRound = rounds,
        RandomSeed = 5,
        EnableAttack = true,
        AttackType = "byzantine",
        EnableDefense = true,
        DefenseTypes = new[] { "krum" },
    };

    private static ExperimentData Data() =>
        new(Enumerable.Range(0, 8).Select(i => FakeBackend.Data(5 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0));

    private static ExperimentResult Run(ConcurrentBackend backend, ExperimentConfig? config = null)
    {
        var attack = new ByzantineAttack(new ByzantineOptions { ClientNum = 1, Mode = ByzantineMode.Random });
        var krum = new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 2 });
        return new Experiment(TestSetup.Of(config ?? Config(), attack, krum), backend, Data()).Run();
    }

    [Fact]
    public void Run_ClientsTrainedConcurrently_SameRoundsAndModelAsOneAtATime()
    {
        var serialBackend = new ConcurrentBackend(1);
        var serial = Run(serialBackend);
        var concurrentBackend = new ConcurrentBackend(4);
        var concurrent = Run(concurrentBackend);

        Assert.Equal(1, serialBackend.MostInFlight);
        Assert.True(concurrentBackend.MostInFlight > 1, "no two clients ever trained at once");
        Assert.Equal(serial.FinalGlobal, concurrent.FinalGlobal);
        Assert.Equal(serial.Rounds.Select(r => (r.Accuracy, r.TrainLoss)), concurrent.Rounds.Select(r => (r.Accuracy, r.TrainLoss)));
        Assert.Equal(
            serial.Rounds.SelectMany(r => r.Defenses.SelectMany(d => d.Verdicts.Select(v => (v.ClientId, v.Kind)))),
            concurrent.Rounds.SelectMany(r => r.Defenses.SelectMany(d => d.Verdicts.Select(v => (v.ClientId, v.Kind)))));
    }

    [Fact]
    public void Run_ConcurrentClientDiverges_SameDivergenceAsOneAtATime()
    {
        // The third sampled client of round 1 diverges, wherever it finishes.
        var seeds = new SeedStreams(5);
        var probe = Run(new ConcurrentBackend(1), Config(rounds: 2));
        int victim = probe.Rounds[1].Sampled[2];
        int seed = seeds.DeriveInt("local-training", 1, victim);

        var serial = Run(new ConcurrentBackend(1, divergesWithSeed: s => s == seed));
        var concurrent = Run(new ConcurrentBackend(4, divergesWithSeed: s => s == seed));

        Assert.NotNull(serial.Diverged);
        Assert.Equal(victim, serial.Diverged!.ClientId);
        Assert.Equal(serial.Diverged, concurrent.Diverged);
        Assert.Equal(2, concurrent.Rounds.Count);
        Assert.Equal(serial.Rounds[1].TrainLoss, concurrent.Rounds[1].TrainLoss);
        Assert.Equal(serial.FinalGlobal, concurrent.FinalGlobal);
    }
}
