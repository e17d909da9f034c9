using FedSec.Configuration;

namespace FedSec.Core.Tests.Configuration;

public class EngineParametersTests
{
    [Fact]
    public void All_EachKeyOnce_InAFedSecSection()
    {
        var keys = EngineParameters.All.Select(p => p.Parameter.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(EngineParameters.All, p => Assert.Contains(p.Section, ConfigSections.All));
        Assert.All(EngineParameters.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Parameter.Description)));
    }

    [Theory]
    [InlineData("train_args.comm_round")]
    [InlineData("train_args.client_num_per_round")]
    [InlineData("common_args.random_seed")]
    [InlineData("data_args.partition_alpha")]
    [InlineData("validation_args.frequency_of_the_test")]
    [InlineData("attack_args.poison_end_round_id")]
    [InlineData("defense_args.defense_type")]
    public void All_Key_HasFedMLHomeSection(string qualified)
    {
        Assert.Contains(qualified, EngineParameters.All.Select(p => p.QualifiedKey));
    }

    [Fact]
    public void Defaults_MatchExperimentConfigDefaults()
    {
        var d = new ExperimentConfig();

        Assert.Equal(d.CommRound, EngineParameters.CommRound.Default);
        Assert.Equal(d.LearningRate, EngineParameters.LearningRate.Default);
        Assert.Equal(d.ServerBeta2, EngineParameters.ServerBeta2.Default);
        Assert.Equal(d.PoisonEndRoundId, EngineParameters.PoisonEndRoundId.Default);
        Assert.Equal("last round", EngineParameters.PoisonEndRoundId.DefaultText);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0.999", true)]
    [InlineData("0", false)]
    [InlineData("-0.5", false)]
    public void LearningRate_TryParse_MustBePositive(string raw, bool ok)
    {
        Assert.Equal(ok, EngineParameters.LearningRate.TryParse(raw, out _, out _));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.9", true)]
    [InlineData("1", false)]
    public void Momentum_TryParse_MustBeBelowOne(string raw, bool ok)
    {
        Assert.Equal(ok, EngineParameters.Momentum.TryParse(raw, out _, out _));
    }
}
