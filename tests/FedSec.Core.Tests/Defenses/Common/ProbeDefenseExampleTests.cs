using FedSec.Components;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Setup;

namespace FedSec.Core.Tests.Defenses.Common;

public class ProbeDefenseExampleTests
{
    [Theory]
    [InlineData("deepsight")]
    [InlineData("flare")]
    public void Example_Binds_WithoutWarningsUnderABackdoorAndSetsEveryKeyOfItsDefense(string name)
    {
        var ns = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "defenses", name + ".yaml"));
        var registry = BuiltInComponents.CreateRegistry();
        var setup = ExperimentBinder.Bind(ns, registry, ConfigSamples.Models, ConfigSamples.Datasets);

        Assert.Empty(setup.Warnings);
        Assert.Equal(new[] { name }, setup.Config.DefenseTypes);
        Assert.Single(setup.Defenses);
        Assert.Equal("backdoor", setup.Config.AttackType);
        registry.TryGet(ComponentKind.Defense, name, out var descriptor);
        Assert.All(descriptor.Parameters, p => Assert.NotNull(ns.Find(p.Key, "defense_args")));
    }
}
