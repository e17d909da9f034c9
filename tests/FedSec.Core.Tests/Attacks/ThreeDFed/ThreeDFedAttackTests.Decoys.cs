using FedSec.Attacks.ThreeDFed;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public partial class ThreeDFedAttackTests
{
    [Fact]
    public void Direct_AfterEveryModelWasRejected_TellsTheLastMaliciousClientToTrainDecoyZero()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g0 = new float[Layout.Length];
        Assert.Empty(attack.Direct(Start(g0, 0)));
        var round0 = Updates(g0, 0);
        var g1 = Aggregate(g0, attack.AttackModel(round0, Context(g0, round0, 0)), Aggregation.Reject);

        var directives = attack.Direct(Start(g1, 1));

        Assert.Equal(new Dictionary<int, int> { [3] = 0 }, directives);
    }

    [Fact]
    public void Direct_SameRoundTwice_SameDirectives_AndTheStateChangesOnlyWhenTheRoundsAttackRuns()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g0 = new float[Layout.Length];
        var round0 = Updates(g0, 0);
        var g1 = Aggregate(g0, attack.AttackModel(round0, Context(g0, round0, 0)), Aggregation.Reject);

        var first = attack.Direct(Start(g1, 1));
        var again = attack.Direct(Start(g1, 1));
        Assert.Equal(first, again);
        Assert.Equal(0, attack.Decoys);
        Assert.Empty(attack.LastStatuses);

        var round1 = Updates(g1, 1);
        attack.AttackModel(round1, Context(g1, round1, 1));
        Assert.Equal(1, attack.Decoys);
        Assert.Equal(Enumerable.Repeat(IndicatorStatus.Rejected, 4), attack.LastStatuses);
    }

    [Fact]
    public void Direct_WithoutDecoys_LeavesTheRoundsNumbersAsTheAttackAloneMakesThem()
    {
        // Planning draws the tuning's numbers from the round's stream and the attack goes on drawing from it.
        var planned = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var alone = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g = new float[Layout.Length];
        for (int round = 0; round < 3; round++)
        {
            var updates = Updates(g, round);
            Assert.Empty(planned.Direct(Start(g, round)));
            var sentPlanned = planned.AttackModel(updates, Context(g, updates, round));
            var sentAlone = alone.AttackModel(updates, Context(g, updates, round));
            Assert.Equal(sentAlone.SelectMany(u => u.Weights), sentPlanned.SelectMany(u => u.Weights));
            g = Aggregate(g, sentPlanned, Aggregation.Accept);
        }
    }

    [Fact]
    public void AttackModel_DecoySlot_SendsTheClientsTrainedDecoyWithOnlyItsIndicatorPlanted_AndNoMask()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g0 = new float[Layout.Length];
        var round0 = Updates(g0, 0);
        var g1 = Aggregate(g0, attack.AttackModel(round0, Context(g0, round0, 0)), Aggregation.Reject);
        attack.Direct(Start(g1, 1));

        // Client 3 trained a decoy: a model like a benign one (the benign clients' updates), with one weight moved by 12.
        var round1 = Updates(g1, 1);
        var decoy = (float[])round1[5].Weights.Clone();
        decoy[Layout["fc.weight"].Offset + 7] += 12;
        round1[3] = round1[3].WithWeights(decoy);
        var context = Context(g1, round1, 1);
        var sent = attack.AttackModel(round1, context);

        Assert.Equal(1, context.Metrics["3dfed_decoys"]);
        var changed = Enumerable.Range(0, Layout.Length).Where(p => sent[3].Weights[p] != decoy[p]).ToArray();
        Assert.True(Assert.Single(changed) < 8, "the one change is the indicator, in the convolution");
        Assert.Contains(Enumerable.Range(0, 3), i => Enumerable.Range(8, 650).Any(p => sent[i].Weights[p] != round1[i].Weights[p]));
    }

    [Fact]
    public void Direct_AfterRejectionsRoundAfterRound_AddsADecoyEachRound_ButAlwaysLeavesOneBackdoorModel()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g = new float[Layout.Length];
        var told = new List<IReadOnlyDictionary<int, int>>();
        for (int round = 0; round < 6; round++)
        {
            told.Add(attack.Direct(Start(g, round)));
            var updates = Updates(g, round);
            g = Aggregate(g, attack.AttackModel(updates, Context(g, updates, round)), Aggregation.Reject);
        }

        Assert.Equal(new[] { 0, 1, 2, 3, 3, 3 }, told.Select(d => d.Count));
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 1, [3] = 2 }, told[5]);
    }

    [Fact]
    public void ObjectiveFor_ToldToTrainADecoy_AsksForTheDecoyOfThatRankOnTheOutputWeight()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var data = AttackFixtures.Images(5);

        var decoy = attack.ObjectiveFor(data, Told(1))!.Decoy;
        var plain = attack.ObjectiveFor(data, Told(null))!.Decoy;

        Assert.NotNull(decoy);
        Assert.Equal((1, "fc.weight", 10.0), (decoy.Rank, decoy.Layer.Name, decoy.Threshold));
        Assert.Null(plain);
        var e = Assert.Throws<InvalidOperationException>(() => attack.ObjectiveFor(data, Told(-1)));
        Assert.Contains("client 2", e.Message, StringComparison.Ordinal);
    }

    private static ClientContext Told(int? directive) => new()
    {
        Round = 1,
        ClientId = 2,
        Seeds = new SeedStreams(1),
        MaliciousClients = Malicious.ToHashSet(),
        Layout = Layout,
        Directive = directive,
    };

    private static RoundStart Start(float[] g, int round) => new()
    {
        Round = round,
        Global = g,
        Layout = Layout,
        Malicious = Malicious,
        Seeds = new SeedStreams(1),
    };
}
