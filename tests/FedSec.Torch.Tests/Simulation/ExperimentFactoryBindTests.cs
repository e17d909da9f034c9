using FedSec.Configuration;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Simulation;

/// <summary>What <see cref="ExperimentFactory.Bind"/> adds to the binder: whether the model fits the data set, and the data set's own checks.</summary>
public class ExperimentFactoryBindTests
{
    private static readonly ExperimentFactory Factory = ExperimentFactory.CreateDefault();

    private static ConfigNamespace Parse(string yaml) => ConfigReader.Parse(yaml, "t.yaml");

    [Fact]
    public void Bind_ResNet56OnFemnist_ProblemNamesModelKeyShapeAndTheModelsThatFit()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse("data_args: { dataset: femnist }\nmodel_args: { model: resnet56 }\ntrain_args: { client_num_in_total: 3400 }")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("model_args.model", problem.Key);
        Assert.Contains("'resnet56' does not fit femnist's 1×28×28 images", problem.Message, StringComparison.Ordinal);
        Assert.Contains("3-channel", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Models that take them: lr, mlp, cnn,", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("resnet56,", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ResNet56OnCifar100_Accepted()
    {
        var setup = Factory.Bind(Parse("data_args: { dataset: cifar100 }\nmodel_args: { model: resnet56 }"));

        Assert.Equal("resnet56", setup.Config.Model);
        Assert.Empty(setup.Warnings);
    }

    [Fact]
    public void Bind_FemnistAboveItsWriters_ProblemNamesClientNumInTotal()
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse("data_args: { dataset: femnist }\ntrain_args: { client_num_in_total: 5000, client_num_per_round: 10 }")));

        Assert.Equal("train_args.client_num_in_total", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Bind_FemnistWithFedMLsPartitionKeys_WarnsTheyAreNotUsed()
    {
        var setup = Factory.Bind(Parse("data_args: { dataset: femnist, partition_method: hetero, partition_alpha: 0.5 }\nmodel_args: { model: cnn }\ntrain_args: { client_num_in_total: 10 }"));

        Assert.Contains(setup.Warnings, w => w.StartsWith("data_args.partition_method: femnist is split by its own writers", StringComparison.Ordinal));
        Assert.Contains(setup.Warnings, w => w.StartsWith("data_args.partition_alpha: ", StringComparison.Ordinal));
        Assert.Contains(setup.Warnings, w => w.StartsWith("train_args.client_num_in_total: ", StringComparison.Ordinal));
    }
}
