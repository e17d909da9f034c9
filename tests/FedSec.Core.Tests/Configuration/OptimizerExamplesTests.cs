using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;

namespace FedSec.Core.Tests.Configuration;

/// <summary>Every example under examples/optimizers binds without problems or warnings, with the optimizer it names.</summary>
public sealed class OptimizerExamplesTests
{
    [Theory]
    [InlineData("fednova", FederatedOptimizer.FedNova, null)]
    [InlineData("fedsgd", FederatedOptimizer.FedSgd, "wise_median")]
    [InlineData("fedasync", FederatedOptimizer.FedAsync, null)]
    [InlineData("fedbuff", FederatedOptimizer.FedBuff, "multikrum")]
    [InlineData("fedasync_aflguard", FederatedOptimizer.FedAsync, "aflguard")]
    [InlineData("fedasync_zenopp", FederatedOptimizer.FedAsync, "zenopp")]
    public void Bind_OptimizerExample_BindsWithoutProblemsOrWarnings(string file, FederatedOptimizer optimizer, string? defense)
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "optimizers", file + ".yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Equal(optimizer, setup.Config.FederatedOptimizer);
        Assert.Empty(setup.Warnings);
        Assert.Equal(defense is null ? Array.Empty<string>() : new[] { defense }, setup.Config.DefenseTypes);
        Assert.Equal(setup.Config.IsAsynchronous, setup.Config.StalenessModel != StalenessModel.None);
    }
}
