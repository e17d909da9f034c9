using FedSec.Configuration;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Server;

public sealed class FederationCoordinatorAsyncTests
{
    [Theory]
    [InlineData(FederatedOptimizer.FedAsync)]
    [InlineData(FederatedOptimizer.FedBuff)]
    public void New_AsynchronousOptimizer_RefusedNamingIt(FederatedOptimizer optimizer)
    {
        var config = FakeExperiment.Config() with { FederatedOptimizer = optimizer, StalenessModel = StalenessModel.Uniform, ClientNumPerRound = 1 };
        var error = Assert.Throws<FederationException>(() => new FederationCoordinator(FakeExperiment.Create(config).CreateServer(), new FederationOptions { RunId = "r", ConfigYaml = "c" }, _ => { }));
        Assert.StartsWith($"federated_optimizer {optimizer} is asynchronous", error.Message, StringComparison.Ordinal);
    }
}
