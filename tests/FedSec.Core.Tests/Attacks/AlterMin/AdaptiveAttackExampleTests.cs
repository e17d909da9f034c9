using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.AlterMin;

public class AdaptiveAttackExampleTests
{
    [Theory]
    [InlineData("alter_min.yaml", "alter_min")]
    [InlineData("3dfed.yaml", "3dfed")]
    public void Bind_Example_CreatesTheAttackWithoutProblemsOrWarnings(string file, string attack)
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", file));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Empty(setup.Warnings);
        Assert.Equal(attack, setup.Config.AttackType);
        Assert.IsAssignableFrom<IShapesLocalObjective>(setup.Attack!.Instance);
        Assert.IsAssignableFrom<IBackdoorAttack>(setup.Attack.Instance);
    }
}
