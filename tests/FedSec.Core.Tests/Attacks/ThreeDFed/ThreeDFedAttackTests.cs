using FedSec.Attacks.ThreeDFed;
using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public partial class ThreeDFedAttackTests
{
    private static readonly int[] Malicious = [0, 1, 2, 3];

    // A convolution (the indicator layer, which training hardly moves), an output layer of 10 classes with its bias.
    private static readonly ParameterLayout Layout = new(new[]
    {
        ("conv.weight", (IReadOnlyList<long>)new long[] { 2, 1, 2, 2 }, ParameterKind.Trainable),
        ("fc.weight", (IReadOnlyList<long>)new long[] { 10, 64 }, ParameterKind.Trainable),
        ("fc.bias", (IReadOnlyList<long>)new long[] { 10 }, ParameterKind.Trainable),
    });

    [Fact]
    public void Indicators_FedAvgTakesEveryModel_AllAccepted()
    {
        var (attack, _) = TwoRounds(Aggregation.Accept);
        Assert.Equal(Enumerable.Repeat(IndicatorStatus.Accepted, 4), attack.LastStatuses);
        Assert.Equal(0, attack.Decoys);
    }

    [Fact]
    public void Indicators_SampleWeightedFedAvgOfClientsOfDifferentSizes_AllAccepted()
    {
        // Client i holds 10 + 10·i samples: the attackers' models (clients 0-3) enter with weights 10, 20, 30, 40 of 550.
        static ClientUpdate[] Sized(ClientUpdate[] updates) =>
            updates.Select(u => u with { SampleCount = 10 + (10 * u.ClientId), AggregationWeight = 10 + (10 * u.ClientId) }).ToArray();
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g0 = new float[Layout.Length];
        var round0 = Sized(Updates(g0, 0));
        var sent = attack.AttackModel(round0, Context(g0, round0, 0));
        double total = sent.Sum(u => u.AggregationWeight);
        var g1 = (float[])g0.Clone();
        for (int p = 0; p < g1.Length; p++)
        {
            g1[p] = (float)(g0[p] + sent.Sum(u => u.AggregationWeight * ((double)u.Weights[p] - g0[p])) / total);
        }

        var round1 = Sized(Updates(g1, 1));
        attack.AttackModel(round1, Context(g1, round1, 1));

        Assert.Equal(Enumerable.Repeat(IndicatorStatus.Accepted, 4), attack.LastStatuses);
    }

    [Fact]
    public void Indicators_DefenseDropsTheAttackers_AllRejectedAndADecoyNext()
    {
        var (attack, context) = TwoRounds(Aggregation.Reject);
        Assert.Equal(Enumerable.Repeat(IndicatorStatus.Rejected, 4), attack.LastStatuses);
        Assert.Equal(4, context.Metrics["3dfed_rejected"]);
        Assert.Equal(1, attack.Decoys);
    }

    [Fact]
    public void Indicators_DefenseHalvesTwoModels_ThoseTwoClipped()
    {
        var (attack, context) = TwoRounds(Aggregation.ClipFirstTwo);
        Assert.Equal(2, attack.LastStatuses.Count(s => s == IndicatorStatus.Clipped));
        Assert.Equal(2, attack.LastStatuses.Count(s => s == IndicatorStatus.Accepted));
        Assert.Equal(2, context.Metrics["3dfed_clipped"]);
    }

    [Fact]
    public void NoiseMasks_CancelInTheSumOfTheBackdoorModelsOutputLayer()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);
        var sent = attack.AttackModel(updates, Context(g, updates, 0));
        var fc = Layout["fc.weight"];
        double changed = 0, sumChange = 0;
        for (int p = fc.Offset; p < fc.Offset + fc.Length; p++)
        {
            changed = Math.Max(changed, Malicious.Max(i => Math.Abs(sent[i].Weights[p] - updates[i].Weights[p])));
            sumChange = Math.Max(sumChange, Math.Abs(Malicious.Sum(i => (double)sent[i].Weights[p] - updates[i].Weights[p])));
        }

        Assert.True(changed > 1e-3, $"the masks must change the models ({changed})");
        Assert.True(sumChange < 0.2 * changed, $"but cancel in their sum: {sumChange} vs {changed}");
        Assert.All(Enumerable.Range(4, 6), i => Assert.Same(updates[i], sent[i]));
    }

    [Fact]
    public void NoiseMasks_ClientsOfDifferentSizes_CancelInTheSampleWeightedSum()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g = new float[Layout.Length];
        var updates = Updates(g, 0).Select(u => u with { SampleCount = 10 + (10 * u.ClientId), AggregationWeight = 10 + (10 * u.ClientId) }).ToArray();
        var sent = attack.AttackModel(updates, Context(g, updates, 0));
        var fc = Layout["fc.weight"];
        double changed = 0, weightedChange = 0;
        for (int p = fc.Offset; p < fc.Offset + fc.Length; p++)
        {
            changed = Math.Max(changed, Malicious.Max(i => Math.Abs(sent[i].Weights[p] - updates[i].Weights[p])));
            weightedChange = Math.Max(weightedChange, Math.Abs(Malicious.Sum(i => updates[i].AggregationWeight * ((double)sent[i].Weights[p] - updates[i].Weights[p])) / 100));
        }

        Assert.True(changed > 1e-3, $"the masks must change the models ({changed})");
        Assert.True(weightedChange < 1e-6, $"but cancel in the weighted mean: {weightedChange} vs {changed}");
    }

    [Fact]
    public void ReadState_AfterWriteState_ContinuesWithTheSameNumbers()
    {
        var g0 = new float[Layout.Length];
        var round0 = Updates(g0, 0);
        var straight = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var sent0 = straight.AttackModel(round0, Context(g0, round0, 0));
        var g1 = Aggregate(g0, sent0, Aggregation.Reject);

        var before = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        before.AttackModel(round0, Context(g0, round0, 0));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            before.WriteState(writer);
        }

        stream.Position = 0;
        var resumed = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        using (var reader = new BinaryReader(stream))
        {
            resumed.ReadState(reader);
        }

        var round1 = Updates(g1, 1);
        var expected = straight.AttackModel(round1, Context(g1, round1, 1));
        var actual = resumed.AttackModel(round1, Context(g1, round1, 1));
        Assert.Equal(straight.LastStatuses, resumed.LastStatuses);
        Assert.Equal(straight.Decoys, resumed.Decoys);
        Assert.Equal(expected.SelectMany(u => u.Weights), actual.SelectMany(u => u.Weights));
    }

    [Fact]
    public void ObjectiveFor_StampsEveryImageAndLabelsItTheTarget_LeavingTheDataUntouched()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4, Backdoor = new() { Size = 2, TargetLabel = 8 } });
        var data = AttackFixtures.Images(5);
        var pixels = (float[])data.Pixels.Clone();
        var objective = attack.ObjectiveFor(data, AttackFixtures.Client(0));

        Assert.Equal(AdversarialTrainingKind.ConstrainedBackdoor, objective.Kind);
        Assert.Equal((0.3, 0.3, 0.4, 5.0), (objective.CleanWeight, objective.MaliciousWeight, objective.DistanceWeight, objective.MaxScale));
        Assert.All(objective.Malicious.Labels, l => Assert.Equal(8, l));
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(1f, objective.Malicious.Image(i)[35])); // bottom-right pixel of 6 × 6
        Assert.Equal(pixels, data.Pixels);
    }

    [Fact]
    public void AttackModel_OneAttacker_SendsItsModelUnmaskedWithAnIndicator()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions());
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);
        var context = AttackFixtures.Context(g, updates, [0], Layout);
        var sent = attack.AttackModel(updates, context);
        var changed = Enumerable.Range(0, Layout.Length).Where(p => sent[0].Weights[p] != updates[0].Weights[p]).ToArray();
        var only = Assert.Single(changed);
        Assert.True(only < 8, "the one change is the indicator, in the convolution");
        Assert.Equal((updates[0].Weights[only] - g[only]) * 1e5f, sent[0].Weights[only] - g[only], 1e-6f);
    }

    [Fact]
    public void AttackModel_MoreMaskNeuronsThanClasses_NamesTheKey()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4, MaskNeurons = 10 });
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);
        var e = Assert.Throws<ConfigException>(() => attack.AttackModel(updates, Context(g, updates, 0)));
        Assert.Contains("three_d_fed_mask_neurons", e.Message, StringComparison.Ordinal);
    }

    private enum Aggregation
    {
        Accept,
        Reject,
        ClipFirstTwo,
    }

    private static (ThreeDFedAttack Attack, RoundContext Context) TwoRounds(Aggregation aggregation)
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g0 = new float[Layout.Length];
        var round0 = Updates(g0, 0);
        var sent = attack.AttackModel(round0, Context(g0, round0, 0));
        var g1 = Aggregate(g0, sent, aggregation);
        var round1 = Updates(g1, 1);
        var context = Context(g1, round1, 1);
        attack.AttackModel(round1, context);
        return (attack, context);
    }

    // Ten clients: the benign ones move only the output layer; the attackers' backdoor models move it more and the
    // convolution by a millionth (training hardly moves the coordinates indicators go to).
    private static ClientUpdate[] Updates(float[] g, int round)
    {
        var rng = new Random(100 + round);
        return Enumerable.Range(0, 10).Select(id =>
        {
            var delta = new float[Layout.Length];
            for (int p = 0; p < delta.Length; p++)
            {
                bool conv = p < 8;
                delta[p] = id < 4
                    ? (conv ? (float)(1e-6 * (rng.NextDouble() + 0.1)) : (float)(0.02 + (0.01 * rng.NextDouble())))
                    : (conv ? 0f : (float)(0.01 * (rng.NextDouble() - 0.5)));
            }

            return AttackFixtures.FromDelta(id, g, delta);
        }).ToArray();
    }

    private static float[] Aggregate(float[] g, IReadOnlyList<ClientUpdate> sent, Aggregation aggregation)
    {
        var next = (float[])g.Clone();
        var used = sent.Where(u => aggregation != Aggregation.Reject || !Malicious.Contains(u.ClientId)).ToArray();
        for (int p = 0; p < g.Length; p++)
        {
            double sum = used.Sum(u => (aggregation == Aggregation.ClipFirstTwo && u.ClientId < 2 ? 0.5 : 1.0) * ((double)u.Weights[p] - g[p]));
            next[p] = (float)(g[p] + (sum / used.Length));
        }

        return next;
    }

    private static RoundContext Context(float[] g, IReadOnlyList<ClientUpdate> updates, int round) =>
        AttackFixtures.Context(g, updates, Malicious, Layout, round);
}
