using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;

namespace FedSec.Core.Tests.Configuration;

/// <summary>examples/byzfl/readme-run.yaml binds, as ByzFL's README run translated to FedSec's keys.</summary>
public sealed class ByzflExampleTests
{
    [Fact]
    public void Bind_ReadmeRun_IsByzFlsSettingWithoutProblemsOrWarnings()
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "byzfl", "readme-run.yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        var c = setup.Config;

        Assert.Empty(setup.Warnings);
        Assert.Equal((FederatedOptimizer.FedSgd, 4, 4, 1000, 25, 0.1), (c.FederatedOptimizer, c.ClientNumInTotal, c.ClientNumPerRound, c.CommRound, c.BatchSize, c.LearningRate));
        Assert.Equal((0.9, 0.0001, 0.0, 0.0), (c.ClientMomentum, c.ServerWeightDecay, c.Momentum, c.WeightDecay));
        Assert.Equal(("byzfl_cnn_mnist", PartitionMethod.Hetero, 0.5), (c.Model, c.PartitionMethod, c.PartitionAlpha));
        Assert.Equal("ipm", c.AttackType);
        Assert.Equal(new[] { "norm_diff_clipping", "nnm", "trimmed_mean" }, c.DefenseTypes);
    }

    [Fact]
    public void Bind_HonestSplitRun_IsTheReadmeRunWithTheAttackerWithoutData()
    {
        ExperimentSetup Bind(string file) => ExperimentBinder.Bind(
            ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "byzfl", file)), BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        var readme = Bind("readme-run.yaml");
        var honest = Bind("readme-run-honest-split.yaml");

        Assert.Empty(honest.Warnings);
        Assert.False(readme.Config.MaliciousClientsWithoutData);
        Assert.True(honest.Config.MaliciousClientsWithoutData);
        var differing = honest.Settings.Except(readme.Settings).Select(s => s.Key).ToArray();
        Assert.Equal(new[] { "attack_args.malicious_clients_without_data" }, differing);
    }
}
