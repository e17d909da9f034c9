using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.Byzantine;

public class ByzantineAttackTests
{
    private static readonly float[] Global = { 1f, -2f, 0.5f, 3f };

    private static IReadOnlyList<ClientUpdate> Run(ByzantineMode mode, long seed = 1)
    {
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = mode, ClientNum = 1 });
        var updates = new[]
        {
            Fixtures.Update(0, 1.5f, -2f, 0f, 2f),
            Fixtures.Update(1, 0.9f, -1f, 0.4f, 3.5f),
            Fixtures.Update(2, 2f, 0f, 1f, -1f),
        };
        return attack.AttackModel(updates, Fixtures.Context(Global, new[] { 0, 1, 2 }, new[] { 1 }, seed: seed));
    }

    [Fact]
    public void AttackModel_ZeroMode_SendsExactlyZero()
    {
        var result = Run(ByzantineMode.Zero);
        Assert.All(result[1].Weights, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void AttackModel_RandomMode_ValuesInMinusOneToOne()
    {
        var result = Run(ByzantineMode.Random);
        Assert.All(result[1].Weights, v => Assert.InRange(v, -1f, 1f));
        Assert.True(result[1].Weights.Distinct().Count() > 1, "random values should differ");
        Assert.NotEqual(new float[] { 0.9f, -1f, 0.4f, 3.5f }, result[1].Weights);
    }

    [Fact]
    public void AttackModel_RandomMode_ManyDrawsCoverBothSigns()
    {
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = ByzantineMode.Random, ClientNum = 1 });
        var g = new float[10_000];
        var result = attack.AttackModel(new[] { Fixtures.Update(0, new float[10_000]) }, Fixtures.Context(g, new[] { 0 }, new[] { 0 }));
        var w = result[0].Weights;
        Assert.All(w, v => Assert.True(v >= -1f && v < 1f));
        Assert.InRange(w.Average(), -0.05, 0.05);
        Assert.True(w.Min() < -0.99f && w.Max() > 0.99f);
    }

    [Fact]
    public void AttackModel_FlipMode_SendsTwoGlobalMinusLocal()
    {
        var result = Run(ByzantineMode.Flip);
        Assert.Equal(new float[] { 2f * 1f - 0.9f, 2f * -2f + 1f, 2f * 0.5f - 0.4f, 2f * 3f - 3.5f }, result[1].Weights);
    }

    [Theory]
    [InlineData(ByzantineMode.Zero)]
    [InlineData(ByzantineMode.Random)]
    [InlineData(ByzantineMode.Flip)]
    public void AttackModel_AnyMode_LeavesHonestUpdatesUntouched(ByzantineMode mode)
    {
        var result = Run(mode);
        Assert.Equal(new float[] { 1.5f, -2f, 0f, 2f }, result[0].Weights);
        Assert.Equal(new float[] { 2f, 0f, 1f, -1f }, result[2].Weights);
        Assert.Equal(1, result[1].ClientId);
    }

    [Fact]
    public void AttackModel_RandomModeSameSeed_SameValues()
    {
        Assert.Equal(Run(ByzantineMode.Random, seed: 7)[1].Weights, Run(ByzantineMode.Random, seed: 7)[1].Weights);
        Assert.NotEqual(Run(ByzantineMode.Random, seed: 7)[1].Weights, Run(ByzantineMode.Random, seed: 8)[1].Weights);
    }

    [Fact]
    public void Read_MoreByzantineThanPerRound_ReportsKey()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 3, 5), "attack_args", ("byzantine_client_num", "4"));
        ByzantineOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.byzantine_client_num", problem.Key);
        Assert.Contains("client_num_per_round", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownMode_ReportsAllowedModes()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("attack_mode", "sideways"));
        ByzantineOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.attack_mode", problem.Key);
        Assert.Contains("zero | random | flip", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ByzantineMode.Zero)]
    [InlineData(ByzantineMode.Random)]
    [InlineData(ByzantineMode.Flip)]
    public void AttackModel_LayoutWithBuffers_ForgesTrainableOnlyAndKeepsBuffers(ByzantineMode mode)
    {
        var layout = new ParameterLayout(new (string, IReadOnlyList<long>, ParameterKind)[]
        {
            ("w", new long[] { 2 }, ParameterKind.Trainable),
            ("bn.running_var", new long[] { 2 }, ParameterKind.Buffer),
        });
        var global = new float[] { 1f, 1f, 0.5f, 0.5f };
        var context = Fixtures.Context(global, new[] { 0 }, new[] { 0 });
        context = new FedSec.Stages.RoundContext
        {
            Round = 0, TotalRounds = 1, Global = global, Layout = layout, SampledClients = new[] { 0 },
            MaliciousClients = new HashSet<int> { 0 }, Seeds = context.Seeds,
        };
        var attack = new ByzantineAttack(new ByzantineOptions { Mode = mode, ClientNum = 1 });
        var result = attack.AttackModel(new[] { Fixtures.Update(0, 3f, 4f, 0.7f, 0.9f) }, context)[0].Weights;
        Assert.Equal(new[] { 0.7f, 0.9f }, result[2..]);
        Assert.NotEqual(new[] { 3f, 4f }, result[..2]);
    }
}
