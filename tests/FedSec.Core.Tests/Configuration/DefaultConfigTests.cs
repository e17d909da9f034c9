using FedSec.Setup;
using FedSec.Attacks.Byzantine;
using FedSec.Configuration;
using FedSec.Defenses.Krum;
using FedSec.Components;

namespace FedSec.Core.Tests.Configuration;

public class DefaultConfigTests
{
    [Fact]
    public void Yaml_Binds_WithNoProblemAndNoWarning()
    {
        var setup = ExperimentBinder.Bind(DefaultConfig.Parse(), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);

        Assert.Empty(setup.Warnings);
        Assert.IsType<ByzantineAttack>(setup.Attack?.Instance);
        Assert.IsType<KrumDefense>(Assert.Single(setup.Defenses).Instance);
    }

    [Fact]
    public void Yaml_Binds_ToTheDocumentedExperiment()
    {
        var c = ExperimentBinder.Bind(DefaultConfig.Parse(), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets).Config;

        Assert.Equal(0, c.RandomSeed);
        Assert.Equal("mnist", c.Dataset);
        Assert.Equal("cnn", c.Model);
        Assert.Equal(new ExperimentShape(10, 10, 10) { LearningRate = 0.1 }, c.Shape);
        Assert.Equal((PartitionMethod.Hetero, 0.5), (c.PartitionMethod, c.PartitionAlpha));
        Assert.Equal(FederatedOptimizer.FedAvg, c.FederatedOptimizer);
        Assert.Equal((1, 32, ClientOptimizer.Sgd, 0.1), (c.Epochs, c.BatchSize, c.ClientOptimizer, c.LearningRate));
        Assert.Equal(1, c.FrequencyOfTheTest);
        Assert.Equal("byzantine", c.AttackType);
        Assert.Equal(new[] { "krum" }, c.DefenseTypes);
    }

    [Fact]
    public void Yaml_ComponentKeys_ReadByTheirComponents()
    {
        var ns = DefaultConfig.Parse();
        var shape = new ExperimentShape(10, 10, 5);
        var problems = new List<ConfigProblem>();

        var byzantine = ByzantineOptions.Read(new ComponentArgs(ns, "attack_args", shape, problems));
        var krum = KrumOptions.Read(new ComponentArgs(ns, "defense_args", shape, problems), multi: false);

        Assert.Empty(problems);
        Assert.Equal((ByzantineMode.Random, 1), (byzantine.Mode, byzantine.ClientNum));
        Assert.Equal((1, 5), (krum.ByzantineClientNum, krum.M));
    }

    [Fact]
    public void Parse_Entries_CarryDefaultYamlLines()
    {
        var entry = DefaultConfig.Parse().Find("comm_round")!;

        string line = DefaultConfig.Yaml.Split('\n')[int.Parse(entry.Source.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture) - 1];
        Assert.StartsWith("default.yaml:", entry.Source, StringComparison.Ordinal);
        Assert.Contains("comm_round:", line, StringComparison.Ordinal);
    }
}
