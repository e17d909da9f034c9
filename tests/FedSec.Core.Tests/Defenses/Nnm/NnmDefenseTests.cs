using FedSec.Configuration;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Nnm;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Nnm;

public class NnmDefenseTests
{
    [Fact]
    public void DefendBeforeAggregation_HandCase_MeansOfNMinusFNearest()
    {
        // Points 0, 1, 3, 10 and f = 1: each takes the mean of its 3 nearest (itself included):
        // 0 → {0,1,3}, 1 → {1,0,3}, 3 → {3,1,0}, 10 → {10,3,1}.
        var global = new float[1];
        var updates = DefenseTestData.FromDeltas(global, new[] { 0f, 1, 3, 10 }.Select(v => new[] { v }).ToArray());
        var outcome = new NnmDefense(new NnmOptions { ByzantineClientNum = 1 }).DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 4)));
        Assert.Equal(new[] { 4f / 3, 4f / 3, 4f / 3, 14f / 3 }, outcome.Updates.Select(u => u.Weights[0]));
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Modified, v.Kind));
        Assert.Equal(new[] { 0, 1, 2, 3 }, outcome.Updates.Select(u => u.ClientId));
    }

    [Fact]
    public void DefendBeforeAggregation_PermutedInput_OutputPermutedAlike()
    {
        var rng = new Random(1);
        var global = DefenseTestData.Gaussian(rng, 6);
        var updates = DefenseTestData.FromDeltas(global, Enumerable.Range(0, 7).Select(_ => DefenseTestData.Gaussian(rng, 6)).ToArray());
        var perm = new[] { 3, 0, 6, 1, 5, 2, 4 };
        var defense = new NnmDefense(new NnmOptions { ByzantineClientNum = 2 });
        var a = defense.DefendBeforeAggregation(updates, DefenseTestData.Context(global, Enumerable.Range(0, 7))).Updates.ToDictionary(u => u.ClientId);
        var b = defense.DefendBeforeAggregation(perm.Select(p => updates[p]).ToArray(), DefenseTestData.Context(global, Enumerable.Range(0, 7))).Updates;
        Assert.All(b, u => Assert.Equal(a[u.ClientId].Weights, u.Weights));
    }

    [Fact]
    public void DefendBeforeAggregation_Buffers_AreMixedToo()
    {
        var layout = DefenseTestData.WithBuffer(1, 1);
        var global = new float[2];
        var updates = new[] { new ClientUpdate(0, 10, new float[] { 0, 2 }), new ClientUpdate(1, 10, new float[] { 1, 4 }), new ClientUpdate(2, 10, new float[] { 9, 100 }) };
        var outcome = new NnmDefense(new NnmOptions { ByzantineClientNum = 1 }).DefendBeforeAggregation(updates, DefenseTestData.Context(global, new[] { 0, 1, 2 }, layout));
        Assert.Equal(new[] { 0.5f, 3f }, outcome.Updates[0].Weights);
    }

    [Fact]
    public void Read_FAtLeastN_ReportsByzantineClientNum()
    {
        var args = Fixtures.Args(new ExperimentShape(5, 5, 5), "defense_args", ("byzantine_client_num", "5"));
        NnmOptions.Read(args);
        Assert.Equal("defense_args.byzantine_client_num", Assert.Single(args.Problems).Key);
    }
}
