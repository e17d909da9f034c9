using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.FoolsGold;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.FoolsGold;

public class FoolsGoldDefenseTests
{
    private const int D = 1000;

    /// <summary>Five honest clients (0..4) with independent updates, three sybils (5..7) sending the same update.</summary>
    private static ClientUpdate[] RoundUpdates(int round, float[] global)
    {
        var rng = new Random(100 + round);
        var sybil = DefenseTestData.Gaussian(rng, D);
        var deltas = Enumerable.Range(0, 8).Select(i => i < 5 ? DefenseTestData.Gaussian(rng, D) : sybil).ToArray();
        return DefenseTestData.FromDeltas(global, deltas);
    }

    private static Dictionary<int, double> WeightsById(DefenseOutcome outcome) =>
        outcome.Verdicts.ToDictionary(v => v.ClientId, v => v.Weight);

    [Fact]
    public void DefendBeforeAggregation_IdenticalSybils_ZeroWeightHonestFullWeight()
    {
        var global = new float[D];
        var defense = new FoolsGoldDefense(new FoolsGoldOptions());
        DefenseOutcome outcome = null!;
        for (int round = 0; round < 3; round++)
        {
            outcome = defense.DefendBeforeAggregation(RoundUpdates(round, global), DefenseTestData.Context(global, Enumerable.Range(0, 8), round: round));
        }

        var w = WeightsById(outcome);
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(w[i] > 0.99, $"honest client {i} got {w[i]}"));
        Assert.All(Enumerable.Range(5, 3), i => Assert.True(w[i] < 1e-6, $"sybil {i} got {w[i]}"));
        Assert.All(outcome.Verdicts.Where(v => v.ClientId >= 5), v => Assert.Equal(VerdictKind.Removed, v.Kind));
        Assert.Equal(5, outcome.Updates.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_KeptUpdates_WeightIsIncomingWeightTimesFoolsGoldWeight()
    {
        // An earlier stage's weights (FedBuff's plain mean gives every update 1; here 20 + i) are scaled, not replaced
        // by the sample count (which made FedBuff's buffer sample-weighted again and gave offline weights below 0.5 zero).
        var global = new float[D];
        var updates = RoundUpdates(0, global).Select((u, i) => u with { AggregationWeight = 20 + i }).ToArray();
        var incoming = updates.ToDictionary(u => u.ClientId, u => u.AggregationWeight);
        var outcome = new FoolsGoldDefense(new FoolsGoldOptions { Kappa = 0.2 })
            .DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 8)));
        var verdicts = outcome.Verdicts.ToDictionary(v => v.ClientId);
        Assert.All(outcome.Updates, u => Assert.NotEqual(u.SampleCount, incoming[u.ClientId]));
        Assert.All(outcome.Updates, u => Assert.Equal(incoming[u.ClientId] * verdicts[u.ClientId].Weight, u.AggregationWeight, 12));
        Assert.All(outcome.Updates, u => Assert.Equal(VerdictKind.Reweighted, verdicts[u.ClientId].Kind));
    }

    [Fact]
    public void DefendBeforeAggregation_ShuffledOrderAcrossRounds_SameWeightsPerIdentity()
    {
        // κ = 0.2 keeps the honest weights strictly between 0 and 1, where they depend on every history.
        var global = new float[D];
        var inOrder = new FoolsGoldDefense(new FoolsGoldOptions { Kappa = 0.2 });
        var shuffled = new FoolsGoldDefense(new FoolsGoldOptions { Kappa = 0.2 });
        Dictionary<int, double> a = new(), b = new();
        for (int round = 0; round < 3; round++)
        {
            var updates = RoundUpdates(round, global);
            var perm = new SeedStreams(9).Random("test", round).Permutation(updates.Length);
            var context = DefenseTestData.Context(global, Enumerable.Range(0, 8), round: round);
            a = WeightsById(inOrder.DefendBeforeAggregation(updates, context));
            b = WeightsById(shuffled.DefendBeforeAggregation(perm.Select(p => updates[p]).ToArray(), context));
        }

        Assert.Contains(a.Values, w => w > 0 && w < 1);
        foreach (var (id, w) in a)
        {
            Assert.Equal(w, b[id], 12);
        }
    }

    [Fact]
    public void DefendBeforeAggregation_PartialParticipation_HistoryFollowsTheClient()
    {
        // Client 3 skips round 1; in round 2 its history is its round-0 update plus its round-2 update.
        var global = new float[3];
        var defense = new FoolsGoldDefense(new FoolsGoldOptions { Kappa = 0.2 });
        var u0 = new[] { new ClientUpdate(1, 10, new float[] { 1, 0, 0 }), new ClientUpdate(3, 10, new float[] { 0, 1, 0 }) };
        defense.DefendBeforeAggregation(u0, DefenseTestData.Context(global, new[] { 1, 3 }, round: 0));
        var u1 = new[] { new ClientUpdate(1, 10, new float[] { 0, 0, 1 }), new ClientUpdate(5, 10, new float[] { 1, 0, 1 }) };
        defense.DefendBeforeAggregation(u1, DefenseTestData.Context(global, new[] { 1, 5 }, round: 1));

        // Histories now: client 1 = (1, 0, 1), client 5 = (1, 0, 1): twins; client 3 = (0, 1, 0) + (0, 0, 1) = (0, 1, 1).
        var u2 = new[] { new ClientUpdate(3, 10, new float[] { 0, 0, 1 }), new ClientUpdate(1, 10, new float[] { 0, 0, 0 }), new ClientUpdate(5, 10, new float[] { 0, 0, 0 }) };
        var w = WeightsById(defense.DefendBeforeAggregation(u2, DefenseTestData.Context(global, new[] { 1, 3, 5 }, round: 2)));
        Assert.Equal(0, w[1]);
        Assert.Equal(0, w[5]);
        Assert.Equal(1, w[3]);
    }

    [Fact]
    public void DefendBeforeAggregation_LastLayerFeature_ComparesOnlyTheOutputWeights()
    {
        // Layout: hidden weight [2,2], output weight [1,2], output bias [1]. Clients 0 and 1 share the output weights
        // and differ elsewhere; client 2 differs in the output weights.
        var layout = new ParameterLayout(new[]
        {
            ("fc1.weight", (IReadOnlyList<long>)new long[] { 2, 2 }, ParameterKind.Trainable),
            ("fc2.weight", (IReadOnlyList<long>)new long[] { 1, 2 }, ParameterKind.Trainable),
            ("fc2.bias", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Trainable),
        });
        var global = new float[7];
        var updates = new[]
        {
            new ClientUpdate(0, 10, new float[] { 1, 0, 0, 0, 1, 1, 5 }),
            new ClientUpdate(1, 10, new float[] { 0, 0, 0, 1, 1, 1, -5 }),
            new ClientUpdate(2, 10, new float[] { 1, 0, 0, 0, 1, -1, 5 }),
        };
        var context = DefenseTestData.Context(global, new[] { 0, 1, 2 }, layout);
        var last = WeightsById(new FoolsGoldDefense(new FoolsGoldOptions { Feature = FoolsGoldFeature.LastLayer }).DefendBeforeAggregation(updates, context));
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, new[] { last[0], last[1], last[2] });
        var all = WeightsById(new FoolsGoldDefense(new FoolsGoldOptions()).DefendBeforeAggregation(updates, context));

        // Over every parameter the bias dominates: 0 and 2 are the near-twins (cosine 26/28) and 1 stands apart.
        Assert.Equal(new[] { 0.0, 1.0, 0.0 }, new[] { all[0], all[1], all[2] });
    }

    [Fact]
    public void DefendBeforeAggregation_DuplicateClientInRound_Throws()
    {
        var global = new float[2];
        var updates = new[] { new ClientUpdate(4, 10, new float[] { 1, 0 }), new ClientUpdate(4, 10, new float[] { 0, 1 }) };
        var e = Assert.Throws<ArgumentException>(() => new FoolsGoldDefense(new FoolsGoldOptions()).DefendBeforeAggregation(updates, DefenseTestData.Context(global, new[] { 4 })));
        Assert.Contains("client 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateBytes_ThreeRoundsOfEightClients_OneFloatHistoryPerClientDoesNotGrowWithRounds()
    {
        var global = new float[D];
        var defense = new FoolsGoldDefense(new FoolsGoldOptions());
        Assert.Equal(0, defense.StateBytes);
        for (int round = 0; round < 3; round++)
        {
            defense.DefendBeforeAggregation(RoundUpdates(round, global), DefenseTestData.Context(global, Enumerable.Range(0, 8), round: round));

            // 8 clients × 1000 parameters × 4 bytes, after every round: the histories are sums, not lists.
            Assert.Equal(8 * D * 4, defense.StateBytes);
        }
    }

    [Fact]
    public void StateBytes_NewClientsEachRound_GrowsWithTheClientsSeen()
    {
        var global = new float[D];
        var defense = new FoolsGoldDefense(new FoolsGoldOptions());
        var rng = new Random(5);
        int[][] sampled = [[0, 1, 2], [2, 3], [4, 5]];
        long[] expected = [3 * D * 4, 4 * D * 4, 6 * D * 4];
        for (int round = 0; round < sampled.Length; round++)
        {
            var updates = sampled[round].Select(id => new ClientUpdate(id, 10, DefenseTestData.Gaussian(rng, D))).ToArray();
            defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, sampled[round], round: round));
            Assert.Equal(expected[round], defense.StateBytes);
        }
    }
}
