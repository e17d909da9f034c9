using FedSec.Configuration;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.FLDetector;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.FLDetector;

public class FLDetectorDefenseTests
{
    private const int D = 20;

    [Fact]
    public void DefendBeforeAggregation_OneDimensionalRounds_HandComputedNormalisedErrors()
    {
        // Round 0: G = 0, Δ = (1, 1, 1), mean 1. Round 1: G = 1, Δ = (0.5, 0.5, 0.5), mean 0.5; pair s = 1, y = −0.5.
        // Round 2: G = 1.5, v = 0.5, Ĥv = y·v/s = −0.25, every prediction 0.5 − 0.25 = 0.25; Δ = (0.25, 0.35, 0.65)
        // gives errors (0, 0.1, 0.4), normalised (0, 0.2, 0.8). With N = 2 nobody has two scores yet: all kept.
        var defense = new FLDetectorDefense(new FLDetectorOptions { Window = 2 });
        Run(defense, 0, new float[] { 0 }, 1, 1, 1);
        var round1 = Run(defense, 1, new float[] { 1 }, 0.5f, 0.5f, 0.5f);
        Assert.All(round1.Verdicts, v => Assert.Null(v.Score));
        var round2 = Run(defense, 2, new float[] { 1.5f }, 0.25f, 0.35f, 0.65f);
        Assert.Equal(new[] { 0.0, 0.2, 0.8 }, round2.Verdicts.Select(v => Math.Round(v.Score!.Value, 5)));
        Assert.All(round2.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.Equal(3, round2.Updates.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_RandomUpdateAttackers_RemovedOnceTheWindowIsFullHonestKept()
    {
        var flagged = Simulate(attackers: new[] { 8, 9 }, rounds: 8, window: 3);
        for (int round = 0; round < 4; round++)
        {
            Assert.Empty(flagged[round]);   // scores from round 2 on; the window of 3 is full in round 4
        }

        for (int round = 4; round < 8; round++)
        {
            Assert.Equal(new[] { 8, 9 }, flagged[round]);
        }
    }

    [Fact]
    public void DefendBeforeAggregation_NoAttacker_KeepsEveryone()
    {
        var flagged = Simulate(attackers: Array.Empty<int>(), rounds: 10, window: 3);
        Assert.All(flagged, f => Assert.Empty(f));
    }

    [Fact]
    public void ReadState_AfterWriteState_ContinuesExactlyLikeTheOriginal()
    {
        var original = new FLDetectorDefense(new FLDetectorOptions { Window = 2 });
        var restored = new FLDetectorDefense(new FLDetectorOptions { Window = 2 });
        Run(original, 0, new float[] { 0 }, 1, 1, 1);
        Run(original, 1, new float[] { 1 }, 0.5f, 0.5f, 0.5f);
        using var stream = new MemoryStream();
        original.WriteState(new BinaryWriter(stream));
        stream.Position = 0;
        restored.ReadState(new BinaryReader(stream));
        foreach (var defense in new[] { original, restored })
        {
            Assert.Equal(new[] { 0.0, 0.2, 0.8 }, Run(defense, 2, new float[] { 1.5f }, 0.25f, 0.35f, 0.65f).Verdicts.Select(v => Math.Round(v.Score!.Value, 5)));
        }
    }

    [Fact]
    public void Read_ClientSampling_IsAConfigErrorNamingTheKey()
    {
        var args = Fixtures.Args(new ExperimentShape(20, 10, 12), "defense_args");
        FLDetectorOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("train_args.client_num_per_round", problem.Key);
        Assert.Contains("same clients in every round", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FLDetectorWithClientSampling_ConfigErrorNamingTheKey()
    {
        var ns = FedSec.Configuration.ConfigReader.Parse(
            "train_args:\n  client_num_in_total: 20\n  client_num_per_round: 10\ndefense_args:\n  enable_defense: true\n  defense_type: fldetector\n",
            "t.yaml");
        var e = Assert.Throws<ConfigException>(() => FedSec.Setup.ExperimentBinder.Bind(
            ns, FedSec.Setup.BuiltInComponents.CreateRegistry(), Configuration.ConfigSamples.Models, Configuration.ConfigSamples.Datasets));
        Assert.Contains(e.Problems, p => p.Key == "train_args.client_num_per_round" && p.Message.Contains("FLDetector", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(11, 10, true)]
    [InlineData(12, 10, false)]
    [InlineData(5, 3, false)]
    [InlineData(4, 3, true)]
    public void Read_RunTooShortForTheWindow_IsAConfigErrorNamingTheWindow(int rounds, int window, bool rejected)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, rounds), "defense_args", ("fldetector_window", window.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        FLDetectorOptions.Read(args);

        Assert.Equal(rejected, args.Problems.Any(p => p.Key == "defense_args.fldetector_window" && p.Message.Contains("never flag", StringComparison.Ordinal)));
    }

    [Fact]
    public void DefendBeforeAggregation_WindowN_FirstFlagsInRoundNPlusOne()
    {
        // The bound the configuration check enforces: with N = 2, rounds 0-2 keep everyone and round 3 (= N + 1) removes
        // the attacker (client 3 sends an update far from its prediction every round).
        var defense = new FLDetectorDefense(new FLDetectorOptions { Window = 2 });
        var global = new[] { 0f };
        var removed = new List<int[]>();
        for (int round = 0; round < 4; round++)
        {
            var outcome = Run(defense, round, global, 0.10f, 0.11f, 0.09f, round % 2 == 0 ? 5f : -5f);
            removed.Add(outcome.Verdicts.Where(v => v.Kind == VerdictKind.Removed).Select(v => v.ClientId).ToArray());
            global = new[] { global[0] + 0.1f };
        }

        Assert.All(removed.Take(3), Assert.Empty);
        Assert.Equal(new[] { 3 }, removed[3]);
    }

    [Fact]
    public void DefendBeforeAggregation_TwoClients_NeverRemovesEither()
    {
        // Two different scores always make two gap-statistic clusters (W₂ = 0): with n = 2 FLDetector removed the client
        // with the larger error every round from round 2 on, with no attacker. Detection needs three clients.
        var defense = new FLDetectorDefense(new FLDetectorOptions { Window = 1 });
        var global = new[] { 0f };
        for (int round = 0; round < 6; round++)
        {
            var outcome = Run(defense, round, global, 0.10f + (0.01f * round), 0.13f - (0.02f * (round % 2)));
            Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
            global = new[] { global[0] + 0.1f };
        }
    }

    [Fact]
    public void Read_WindowZero_IsRejectedNamingTheKey()
    {
        var problems = AggregationDefenseFixtures.Problems(a => FLDetectorOptions.Read(a), 10, ("fldetector_window", 0));
        Assert.Contains(problems, p => p.Key.EndsWith("fldetector_window", StringComparison.Ordinal));
    }

    private static DefenseOutcome Run(FLDetectorDefense defense, int round, float[] global, params float[] deltas)
    {
        var updates = DefenseTestData.FromDeltas(global, deltas.Select(x => new[] { x }).ToArray());
        return defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, deltas.Length), round: round));
    }

    /// <summary>
    /// Ten clients with quadratic losses ½(w − cᵢ)ᵀH(w − cᵢ), H = diag(1..2), each sending one noisy gradient step
    /// Δᵢ = −0.1·H(w − cᵢ) + N(0, 0.01²); attackers send N(0, 1) vectors; the global model moves by the mean of the
    /// updates FLDetector kept. Returns the removed clients per round.
    /// </summary>
    private static List<int[]> Simulate(int[] attackers, int rounds, int window)
    {
        var rng = new SeedStreams(11).Random("sim");
        var h = Enumerable.Range(0, D).Select(j => 1.0 + (j / (double)D)).ToArray();
        var centres = Enumerable.Range(0, 10).Select(_ => DefenseTestData.Gaussian(rng, D, sd: 3)).ToArray();
        var w = new float[D];
        var defense = new FLDetectorDefense(new FLDetectorOptions { Window = window });
        var flagged = new List<int[]>();
        for (int round = 0; round < rounds; round++)
        {
            var deltas = Enumerable.Range(0, 10).Select(i => attackers.Contains(i)
                ? DefenseTestData.Gaussian(rng, D)
                : Enumerable.Range(0, D).Select(j => (float)((-0.1 * h[j] * (w[j] - centres[i][j])) + (0.01 * rng.NextGaussian()))).ToArray()).ToArray();
            var global = w.ToArray();
            var outcome = defense.DefendBeforeAggregation(DefenseTestData.FromDeltas(global, deltas), DefenseTestData.Context(global, Enumerable.Range(0, 10), round: round));
            flagged.Add(outcome.Verdicts.Where(v => v.Kind == VerdictKind.Removed).Select(v => v.ClientId).ToArray());
            foreach (var u in outcome.Updates)
            {
                for (int j = 0; j < D; j++)
                {
                    w[j] += (u.Weights[j] - global[j]) / outcome.Updates.Count;
                }
            }
        }

        return flagged;
    }

    [Fact]
    public void StateBytes_OneDimensionalRounds_GrowsUntilTheWindowIsFullThenStays()
    {
        // d = 1, 3 clients, N = 2. After round 0: previous global, previous aggregate and 3 previous updates = 5 floats
        // (20 bytes). Round 1 adds a pair (2 floats): 28. Round 2: a second pair and a first score per client
        // (9 floats + 3 doubles = 36 + 24 = 60). Round 3: the pairs stay 2, a second score each: 36 + 48 = 84. Round 4: full.
        var defense = new FLDetectorDefense(new FLDetectorOptions { Window = 2 });
        Assert.Equal(0, defense.StateBytes);
        float[] globals = [0, 1, 1.5f, 1.75f, 2f];
        long[] expected = [20, 28, 60, 84, 84];
        for (int round = 0; round < globals.Length; round++)
        {
            Run(defense, round, new[] { globals[round] }, 0.25f, 0.35f, 0.65f);
            Assert.Equal(expected[round], defense.StateBytes);
        }
    }
}
