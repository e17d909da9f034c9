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

    [Theory]
    [InlineData("shakespeare", "cnn", "'cnn' does not take shakespeare's sequences of 80 character indices; FedML trains shakespeare with rnn")]
    [InlineData("shakespeare", "lr", "'lr' does not take shakespeare's sequences")]
    [InlineData("stackoverflow_lr", "mlp", "'mlp' does not take stackoverflow_lr's bag-of-words vectors of 10000 words; FedML trains stackoverflow_lr with lr")]
    [InlineData("stackoverflow_lr", "rnn", "'rnn' does not take stackoverflow_lr's")]
    [InlineData("mnist", "rnn", "'rnn' does not fit mnist's 1×28×28 images: rnn takes shakespeare's sequences of 80 character indices")]
    [InlineData("femnist", "rnn", "'rnn' does not fit femnist's")]
    public void Bind_ModelThatDoesNotFitTheData_ProblemNamesModelKey(string dataset, string model, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse($"data_args: {{ dataset: {dataset} }}\nmodel_args: {{ model: {model} }}\ntrain_args: {{ client_num_in_total: 10 }}")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("model_args.model", problem.Key);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shakespeare", "rnn")]
    [InlineData("stackoverflow_lr", "lr")]
    [InlineData("stackoverflow_lr", "LR")]
    public void Bind_FedMLsPairing_Accepted(string dataset, string model)
    {
        var setup = Factory.Bind(Parse($"data_args: {{ dataset: {dataset} }}\nmodel_args: {{ model: {model} }}\ntrain_args: {{ client_num_in_total: 10 }}"));

        Assert.Contains(setup.Warnings, w => w.StartsWith("train_args.client_num_in_total: ", StringComparison.Ordinal) && w.Contains("takes the first 10 in name order", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("shakespeare", "rnn", "label_flipping\n  original_class_list: [1]\n  target_class_list: [2]", "label_flipping poisons image labels, but shakespeare's samples are sequences of 80 character indices")]
    [InlineData("stackoverflow_lr", "lr", "label_flipping\n  original_class_list: [1]\n  target_class_list: [2]", "label_flipping poisons image labels, but stackoverflow_lr's samples are bag-of-words vectors")]
    [InlineData("stackoverflow_lr", "lr", "backdoor", "backdoor stamps an image trigger into the training data, but stackoverflow_lr's samples")]
    [InlineData("shakespeare", "rnn", "dlg", "dlg reconstructs training images, but shakespeare's samples")]
    public void Bind_ImageOnlyAttackOnTextOrBagOfWords_ProblemNamesAttackType(string dataset, string model, string attack, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Factory.Bind(Parse(
            $"data_args: {{ dataset: {dataset} }}\nmodel_args: {{ model: {model} }}\ntrain_args: {{ client_num_in_total: 10 }}\nattack_args:\n  enable_attack: true\n  attack_type: {attack}\n")));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("attack_args.attack_type", problem.Key);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ShakespeareWithFedMLsPartitionKeys_WarnsTheyAreNotUsed()
    {
        var setup = Factory.Bind(Parse("data_args: { dataset: shakespeare, partition_method: hetero, partition_alpha: 0.5 }\nmodel_args: { model: rnn }"));

        Assert.Contains(setup.Warnings, w => w.StartsWith("data_args.partition_method: shakespeare is split by its own users (roles)", StringComparison.Ordinal));
        Assert.Contains(setup.Warnings, w => w.StartsWith("data_args.partition_alpha: ", StringComparison.Ordinal));
    }
}
