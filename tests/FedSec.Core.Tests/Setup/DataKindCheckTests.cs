using FedSec.Configuration;
using FedSec.Data;
using FedSec.Setup;

namespace FedSec.Core.Tests.Setup;

public sealed class DataKindCheckTests
{
    private const string Text = "data_args:\n  dataset: sotu\n  partition_method: natural\nmodel_args:\n  model: gpt_neox\n";

    private static ExperimentSetup Bind(string yaml) =>
        ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), [], []);

    [Fact]
    public void Check_LabelFlippingOnText_NamesAttackTypeAndWhatTextRunsTake()
    {
        var setup = Bind(Text + "attack_args:\n  enable_attack: true\n  attack_type: label_flipping\n  original_class_list: [3]\n  target_class_list: [9]\n");

        var problem = Assert.Single(DataKindCheck.Check(setup, DataKind.TokenSequences));

        Assert.Equal("attack_args.attack_type", problem.Key);
        Assert.StartsWith("label_flipping poisons image labels; text runs (data_args.dataset: sotu) support attacks on the exchanged vectors", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("byzantine\n  attack_mode: random\n  byzantine_client_num: 1")]
    [InlineData("alie\n  byzantine_client_num: 1")]
    [InlineData("sign_flip\n  byzantine_client_num: 1")]
    public void Check_VectorAttackWithKrumOnText_NoProblem(string attack)
    {
        var setup = Bind(Text + $"attack_args:\n  enable_attack: true\n  attack_type: {attack}\ndefense_args:\n  enable_defense: true\n  defense_type: krum\n");

        Assert.Empty(DataKindCheck.Check(setup, DataKind.TokenSequences));
    }

    [Fact]
    public void Check_FLTrustOnText_NamesDefenseType()
    {
        var setup = Bind(Text + "defense_args:\n  enable_defense: true\n  defense_type: fltrust\n");

        var problem = Assert.Single(DataKindCheck.Check(setup, DataKind.TokenSequences));

        Assert.Equal("defense_args.defense_type", problem.Key);
        Assert.Contains("fltrust trains on a server root set of images", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deepsight", "deepsight runs the clients' models on random images")]
    [InlineData("flare", "flare trains on a server root set of images")]
    public void Check_ProbingDefenseOnText_NamesDefenseType(string defense, string message)
    {
        var setup = Bind(Text + $"defense_args:\n  enable_defense: true\n  defense_type: {defense}\n");

        var problem = Assert.Single(DataKindCheck.Check(setup, DataKind.TokenSequences));

        Assert.Equal("defense_args.defense_type", problem.Key);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ShardsOnText_NamesPartitionMethod()
    {
        var setup = Bind(Text.Replace("natural", "shards", StringComparison.Ordinal));

        Assert.Equal("data_args.partition_method", Assert.Single(DataKindCheck.Check(setup, DataKind.TokenSequences)).Key);
    }

    [Fact]
    public void Check_NaturalOnImages_NamesPartitionMethod()
    {
        var setup = Bind("data_args:\n  dataset: mnist\n  partition_method: natural\n");

        var problem = Assert.Single(DataKindCheck.Check(setup, DataKind.Images));

        Assert.Equal("data_args.partition_method", problem.Key);
        Assert.Contains("image data sets (mnist) take homo, hetero or shards", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LabelFlippingOnImages_NoProblem()
    {
        var setup = Bind("attack_args:\n  enable_attack: true\n  attack_type: label_flipping\n  original_class_list: [3]\n  target_class_list: [9]\n");

        Assert.Empty(DataKindCheck.Check(setup, DataKind.Images));
    }
}
