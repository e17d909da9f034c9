using FedSec.Configuration;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Dnc;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Dnc;

public class DncDefenseTests
{
    private const int D = 200;

    private static (FedSec.Parameters.ClientUpdate[] Updates, float[] Global) Round(int attackers)
    {
        // Honest updates: a common mean plus noise; attackers: the mean pushed 3 noise-sds along one direction.
        var rng = new Random(21);
        var mean = DefenseTestData.Gaussian(rng, D, sd: 0.5);
        var direction = DefenseTestData.Gaussian(rng, D);
        var deltas = Enumerable.Range(0, 10).Select(i => i < 10 - attackers
            ? DefenseTestData.Jitter(rng, mean, 0.1)
            : DefenseTestData.Jitter(rng, mean.Zip(direction, (m, v) => m + (0.3f * v)).ToArray(), 0.1)).ToArray();
        var global = new float[D];
        return (DefenseTestData.FromDeltas(global, deltas), global);
    }

    [Fact]
    public void DefendBeforeAggregation_PlantedOutlierDirection_RemovesIt()
    {
        var (updates, global) = Round(attackers: 1);
        var defense = new DncDefense(new DncOptions { ByzantineClientNum = 1, SubsampleDim = 50, Iterations = 3 });
        var outcome = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.Equal(VerdictKind.Removed, outcome.Verdicts[9].Kind);
        Assert.All(outcome.Verdicts.Take(9), v => Assert.Equal(VerdictKind.Kept, v.Kind));
        Assert.Equal(9, outcome.Updates.Count);
    }

    [Fact]
    public void DefendBeforeAggregation_TwoAttackersFTwo_RemovesBoth()
    {
        var (updates, global) = Round(attackers: 2);
        var defense = new DncDefense(new DncOptions { ByzantineClientNum = 2, SubsampleDim = 50, Iterations = 5 });
        var outcome = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 10)));
        Assert.Equal(new[] { 8, 9 }, outcome.Verdicts.Where(v => v.Kind == VerdictKind.Removed).Select(v => v.ClientId));
    }

    [Fact]
    public void DefendBeforeAggregation_SameSeed_SameVerdicts()
    {
        var (updates, global) = Round(attackers: 1);
        var defense = new DncDefense(new DncOptions { SubsampleDim = 20, Iterations = 2 });
        var a = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 10), seed: 5));
        var b = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 10), seed: 5));
        Assert.Equal(a.Verdicts, b.Verdicts);
    }

    [Fact]
    public void Read_FilterRemovingEveryone_ReportsFilterFrac()
    {
        var args = Fixtures.Args(new ExperimentShape(4, 4, 5), "defense_args", ("byzantine_client_num", "2"), ("filter_frac", "2"));
        DncOptions.Read(args);
        Assert.Equal("defense_args.filter_frac", Assert.Single(args.Problems).Key);
    }
}
