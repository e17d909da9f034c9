using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.Optimal;

public class OptimalExamplesTests
{
    [Theory]
    [InlineData("optimal_alie")]
    [InlineData("optimal_ipm")]
    public void Bind_Example_CreatesTheAttackWithoutProblemsOrWarnings(string name)
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", name + ".yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Empty(setup.Warnings);
        Assert.Equal(name, setup.Config.AttackType);
        Assert.IsAssignableFrom<IModelPoisoningAttack>(setup.Attack!.Instance);
        Assert.Equal(new[] { "trimmed_mean" }, setup.Config.DefenseTypes);
    }
}
