using FedSec.Defenses.Slsgd;
using FedSec.Parameters;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Slsgd;

public class SlsgdDefenseTests
{
    [Fact]
    public void DefendOnAggregation_OptionTwo_TrimsThenMixesWithGlobal()
    {
        // Coordinate values 0, 2, 4, 100 with b = 1 → trimmed mean 3; G = 1, α = 0.25 → 0.75·1 + 0.25·3 = 1.5.
        var updates = Updates(new[] { 100f }, new[] { 0f }, new[] { 4f }, new[] { 2f });
        var defense = new SlsgdDefense(new SlsgdOptions { TrimParamB = 1, Alpha = 0.25, Trimmed = true });
        Assert.Equal(1.5f, defense.DefendOnAggregation(updates, Context(new[] { 1f }, 4)).Weights[0], 1e-6f);
    }

    [Fact]
    public void DefendOnAggregation_OptionOne_WeightedMeanThenMix()
    {
        // Weights 1 and 3 on 0 and 8 → 6; G = 2, α = 0.5 → 4.
        var updates = new[] { new ClientUpdate(0, 1, new[] { 0f }), new ClientUpdate(1, 3, new[] { 8f }) };
        var defense = new SlsgdDefense(new SlsgdOptions { TrimParamB = 1, Alpha = 0.5, Trimmed = false });
        Assert.Equal(4f, defense.DefendOnAggregation(updates, Context(new[] { 2f }, 2)).Weights[0], 1e-6f);
    }

    [Fact]
    public void DefendOnAggregation_TrimClampedToZero_IsTheWeightedMean()
    {
        // b = 1 with two updates comes down to 0: weights 1 and 3 on 0 and 8 → 6 (the unweighted mean 4 was taken); α = 1.
        var updates = new[] { new ClientUpdate(0, 1, new[] { 0f }), new ClientUpdate(1, 3, new[] { 8f }) };
        var defense = new SlsgdDefense(new SlsgdOptions { TrimParamB = 1, Alpha = 1, Trimmed = true });
        Assert.Equal(6f, defense.DefendOnAggregation(updates, Context(new[] { 0f }, 2)).Weights[0], 1e-6f);
    }

    [Fact]
    public void DefendOnAggregation_AlphaOne_IsTheAggregate()
    {
        var updates = Updates(new[] { 1f }, new[] { 5f }, new[] { 3f });
        var defense = new SlsgdDefense(new SlsgdOptions { TrimParamB = 1, Alpha = 1, Trimmed = true });
        Assert.Equal(3f, defense.DefendOnAggregation(updates, Context(new[] { 50f }, 3)).Weights[0]);
    }

    [Fact]
    public void DefendOnAggregation_Buffers_TakeWeightedMeanWithoutMixing()
    {
        var updates = Updates(new[] { 2f, 10f }, new[] { 4f, 20f }, new[] { 6f, 30f });
        var defense = new SlsgdDefense(new SlsgdOptions { TrimParamB = 1, Alpha = 0.5, Trimmed = true });
        var w = defense.DefendOnAggregation(updates, Context(new[] { 0f, 0f }, 3, layout: BufferLayout(1, 1))).Weights;
        Assert.Equal(new[] { 2f, 20f }, w);
    }

    [Fact]
    public void Read_TrimTooLarge_ReportsTrimParamBWithLimit()
    {
        var problems = Problems(a => SlsgdOptions.Read(a), 10, ("trim_param_b", "5"), ("option_type", "2"));
        var p = Assert.Single(problems);
        Assert.Equal("defense_args.trim_param_b", p.Key);
        Assert.Contains("at most 4", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OptionTypeThree_ReportsOptionTypeKey()
    {
        var problems = Problems(a => SlsgdOptions.Read(a), 10, ("option_type", "3"));
        Assert.Equal("defense_args.option_type", Assert.Single(problems).Key);
    }

    [Fact]
    public void Read_AlphaZero_ReportsAlphaKey()
    {
        var problems = Problems(a => SlsgdOptions.Read(a), 10, ("alpha", "0"));
        Assert.Equal("defense_args.alpha", Assert.Single(problems).Key);
    }

    [Fact]
    public void Descriptor_FedMLKeys_CreatesOnAggregationDefense()
    {
        var defense = Create<IOnAggregationDefense>(SlsgdRegistration.Descriptor, 10, ("trim_param_b", "2"), ("alpha", "0.8"), ("option_type", "1"));

        // Option 1 ignores b: the mean of 0 and 10 is 5; 0.2·0 + 0.8·5 = 4.
        Assert.Equal(4f, defense.DefendOnAggregation(Updates(new[] { 0f }, new[] { 10f }), Context(new[] { 0f }, 2)).Weights[0], 1e-6f);
    }
}
