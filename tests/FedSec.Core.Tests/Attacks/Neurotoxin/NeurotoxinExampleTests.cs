using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.Neurotoxin;

public class NeurotoxinExampleTests
{
    [Fact]
    public void Bind_Example_CreatesTheAttackWithoutProblemsOrWarnings()
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", "neurotoxin.yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Empty(setup.Warnings);
        Assert.Equal("neurotoxin", setup.Config.AttackType);
        Assert.IsAssignableFrom<IConstrainsLocalTraining>(setup.Attack!.Instance);
        Assert.IsAssignableFrom<IBackdoorAttack>(setup.Attack.Instance);
    }
}
