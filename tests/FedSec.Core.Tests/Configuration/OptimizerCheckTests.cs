using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Core.Tests.Configuration;

public sealed class OptimizerCheckTests
{
    private static ExperimentSetup Bind(string train) =>
        ExperimentBinder.Bind(ConfigReader.Parse("train_args:\n" + train, "t.yaml"), BuiltInComponents.CreateRegistry(), ConfigSamples.Models, ConfigSamples.Datasets);

    private static ConfigProblem FailsOn(string train) => Assert.Single(Assert.Throws<ConfigException>(() => Bind(train)).Problems);

    [Fact]
    public void Bind_FedAsyncWithoutStalenessModel_NamesStalenessModel()
    {
        var p = FailsOn("  federated_optimizer: FedAsync\n  client_num_per_round: 1\n");
        Assert.Equal("train_args.staleness_model", p.Key);
        Assert.Contains("needs a staleness model", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FedBuffWithoutStalenessModel_NamesStalenessModel() =>
        Assert.Equal("train_args.staleness_model", FailsOn("  federated_optimizer: FedBuff\n").Key);

    [Fact]
    public void Bind_StalenessModelWithSynchronousOptimizer_NamesStalenessModel()
    {
        var p = FailsOn("  federated_optimizer: FedAvg\n  staleness_model: uniform\n");
        Assert.Equal("train_args.staleness_model", p.Key);
        Assert.Contains("asynchronous optimizers only", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FedAvg")]
    [InlineData("FedBuff")]
    [InlineData("FedProx")]
    public void Bind_AsyncRhoWithAnotherOptimizer_NamesAsyncRho(string optimizer)
    {
        string staleness = optimizer == "FedBuff" ? "  staleness_model: uniform\n" : string.Empty;
        var p = FailsOn($"  federated_optimizer: {optimizer}\n{staleness}  async_rho: 0.1\n");
        Assert.Equal("train_args.async_rho", p.Key);
        Assert.Contains("FedAsync", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FedAsyncWithAsyncRho_ClientsTrainWithThatProximalWeight()
    {
        var setup = Bind("  federated_optimizer: FedAsync\n  staleness_model: uniform\n  client_num_per_round: 1\n  async_rho: 0.1\n");
        Assert.Equal(0.1, FedSec.Simulation.ExperimentServer.LocalTrainingSettingsOf(setup.Config).ProximalMu);
        var plain = Bind("  federated_optimizer: FedAsync\n  staleness_model: uniform\n  client_num_per_round: 1\n");
        Assert.Equal(0, FedSec.Simulation.ExperimentServer.LocalTrainingSettingsOf(plain.Config).ProximalMu);
    }

    [Fact]
    public void Bind_FedAsyncWithSeveralClientsPerRound_NamesClientNumPerRound()
    {
        var p = FailsOn("  federated_optimizer: FedAsync\n  staleness_model: uniform\n  client_num_per_round: 4\n");
        Assert.Equal("train_args.client_num_per_round", p.Key);
        Assert.Contains("FedBuff", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FedSgdWithSeveralEpochs_NamesEpochs() =>
        Assert.Equal("train_args.epochs", FailsOn("  federated_optimizer: FedSGD\n  epochs: 2\n").Key);

    [Theory]
    [InlineData("FedSGD")]
    [InlineData("FedNova")]
    public void Bind_StepCountingOptimizerWithAdam_NamesClientOptimizer(string optimizer) =>
        Assert.Equal("train_args.client_optimizer", FailsOn($"  federated_optimizer: {optimizer}\n  client_optimizer: adam\n").Key);

    [Fact]
    public void Bind_ValidAsynchronousConfigs_ReadEveryKey()
    {
        var c = Bind("  federated_optimizer: FedAsync\n  client_num_per_round: 1\n  staleness_model: fixed\n  max_staleness: 2\n  staleness_function: hinge\n  staleness_a: 10\n  staleness_b: 1\n  async_alpha: 0.9\n").Config;
        Assert.Equal(
            (FederatedOptimizer.FedAsync, StalenessModel.Fixed, 2, StalenessFunction.Hinge, 10.0, 1, 0.9),
            (c.FederatedOptimizer, c.StalenessModel, c.MaxStaleness, c.StalenessFunction, c.StalenessA, c.StalenessB, c.AsyncAlpha));
        Assert.True(c.IsAsynchronous);
        Assert.Equal(FederatedOptimizer.FedBuff, Bind("  federated_optimizer: fedbuff\n  staleness_model: uniform\n").Config.FederatedOptimizer);
        Assert.Equal(FederatedOptimizer.FedNova, Bind("  federated_optimizer: FedNova\n  momentum: 0.9\n").Config.FederatedOptimizer);
        Assert.Equal(FederatedOptimizer.FedSgd, Bind("  federated_optimizer: FedSGD\n").Config.FederatedOptimizer);
    }

    [Theory]
    [InlineData("FedAvg", "client_momentum: 0.9", "train_args.client_momentum")]
    [InlineData("FedAvgM", "client_momentum: 0.5", "train_args.client_momentum")]
    [InlineData("FedAvg", "server_weight_decay: 0.0001", "train_args.server_weight_decay")]
    [InlineData("FedNova", "server_weight_decay: 0.1", "train_args.server_weight_decay")]
    public void Bind_FedSgdOnlyKeyWithAnotherOptimizer_NamesTheKeyAndFedSgd(string optimizer, string line, string key)
    {
        var p = FailsOn($"  federated_optimizer: {optimizer}\n  {line}\n");
        Assert.Equal(key, p.Key);
        Assert.Contains("federated_optimizer: FedSGD", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_momentum: 1", "train_args.client_momentum")]
    [InlineData("client_momentum: -0.1", "train_args.client_momentum")]
    [InlineData("server_weight_decay: -0.001", "train_args.server_weight_decay")]
    public void Bind_FedSgdKeyOutOfRange_NamesIt(string line, string key) =>
        Assert.Equal(key, FailsOn($"  federated_optimizer: FedSGD\n  {line}\n").Key);

    [Fact]
    public void Bind_FedSgdWithClientMomentumAndServerDecay_ReadsBoth()
    {
        var c = Bind("  federated_optimizer: FedSGD\n  client_momentum: 0.9\n  server_weight_decay: 0.0001\n").Config;
        Assert.Equal((0.9, 0.0001), (c.ClientMomentum, c.ServerWeightDecay));
        Assert.Equal((0.0, 0.0), (Bind("  federated_optimizer: FedSGD\n").Config.ClientMomentum, Bind("  federated_optimizer: FedAvg\n").Config.ServerWeightDecay));
    }

    [Fact]
    public void Bind_AsyncAlphaOutOfRange_NamesIt() =>
        Assert.Equal("train_args.async_alpha", FailsOn("  federated_optimizer: FedAsync\n  client_num_per_round: 1\n  staleness_model: uniform\n  async_alpha: 1.5\n").Key);
}
