using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Krum;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Krum;

public class KrumDefenseTests
{
    [Fact]
    public void Compute_OneDimensionalPoints_EqualsDefinition()
    {
        // Points 0, 1, 3, 10 on a line; n = 4, f = 1 → n − f − 2 = 1 nearest neighbour.
        var pts = new float[][] { new[] { 0f }, new[] { 1f }, new[] { 3f }, new[] { 10f } };
        var d = FedSec.Aggregation.PairwiseDistances.Squared(pts);
        var scores = KrumScores.Compute(d, f: 1);
        Assert.Equal(new double[] { 1, 1, 4, 49 }, scores);
    }

    [Fact]
    public void Compute_TwoNeighbours_SumsTwoSmallestSquaredDistances()
    {
        // n = 5, f = 1 → 2 neighbours. Points 0, 1, 2, 4, 8.
        var pts = new[] { 0f, 1f, 2f, 4f, 8f }.Select(v => new[] { v }).ToArray();
        var scores = KrumScores.Compute(FedSec.Aggregation.PairwiseDistances.Squared(pts), f: 1);
        Assert.Equal(new double[] { 1 + 4, 1 + 1, 1 + 4, 4 + 9, 16 + 36 }, scores);
    }

    [Fact]
    public void DefendBeforeAggregation_FewAttackers_KeepsOnlyHonestCluster()
    {
        // n = 10, f = 3 < n/2 − 1: honest updates near (1, 1, 1), attackers far away and spread.
        var rng = new Random(5);
        var updates = Enumerable.Range(0, 10).Select(i =>
        {
            bool bad = i is 2 or 5 or 7;
            var w = Enumerable.Range(0, 3).Select(_ => bad ? (float)(rng.NextDouble() * 20 - 10) : 1f + (float)(rng.NextDouble() * 0.1)).ToArray();
            return Fixtures.Update(i, w);
        }).ToArray();
        var defense = new KrumDefense(new KrumOptions { ByzantineClientNum = 3, M = 4 });
        var outcome = defense.DefendBeforeAggregation(updates, Fixtures.Context(new float[3], Enumerable.Range(0, 10), new[] { 2, 5, 7 }));
        Assert.Equal(4, outcome.Updates.Count);
        Assert.DoesNotContain(outcome.Updates, u => u.ClientId is 2 or 5 or 7);
        Assert.All(outcome.Verdicts.Where(v => v.ClientId is 2 or 5 or 7), v => Assert.Equal(VerdictKind.Removed, v.Kind));
        Assert.Equal(10, outcome.Verdicts.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_KrumMOne_KeepsLowestScore()
    {
        var updates = new[] { 0f, 1f, 3f, 10f }.Select((v, i) => Fixtures.Update(i, v)).ToArray();
        var defense = new KrumDefense(new KrumOptions { ByzantineClientNum = 1, M = 1 });
        var outcome = defense.DefendBeforeAggregation(updates, Fixtures.Context(new float[1], Enumerable.Range(0, 4)));
        Assert.Equal(0, Assert.Single(outcome.Updates).ClientId);
    }

    [Fact]
    public void Read_TooLargeM_ReportsKrumParamMWithLimit()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("krum_param_m", "7"), ("byzantine_client_num", "1"));
        KrumOptions.Read(args, multi: false);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("defense_args.krum_param_m", problem.Key);
        Assert.Contains("at most 6", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByzantineCountOnlyUnderAttackArgs_IsRead()
    {
        var ns = new ConfigNamespace();
        ns.Set("attack_args", "byzantine_client_num", "2", "test");
        ns.Set("defense_args", "krum_param_m", "4", "test");
        var args = new ComponentArgs(ns, "defense_args", new ExperimentShape(10, 10, 5), new List<ConfigProblem>());
        var options = KrumOptions.Read(args, multi: false);
        Assert.Equal(2, options.ByzantineClientNum);
        Assert.Empty(args.Problems);
    }

    [Fact]
    public void Read_MultiKrumWithoutM_DefaultsToNMinusTwoFMinusTwo()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("byzantine_client_num", "2"));
        var options = KrumOptions.Read(args, multi: true);
        Assert.Null(options.M);
        Assert.Equal(4, options.KeptCount(10, multi: true));
        Assert.Equal(1, options.KeptCount(10, multi: false));
    }
}
