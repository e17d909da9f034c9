using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Components;

namespace FedSec.Core.Tests.Defenses.Common;

public class DefenseExampleConfigTests
{
    private static string ExamplePath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FedSec.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "examples", "defenses", name + ".yaml");
    }

    [Theory]
    [InlineData("foolsgold")]
    [InlineData("3sigma")]
    [InlineData("anomaly_detection")]
    [InlineData("flame")]
    [InlineData("dnc")]
    [InlineData("signguard")]
    [InlineData("nnm")]
    [InlineData("bucketing")]
    [InlineData("arc")]
    [InlineData("fltrust")]
    [InlineData("fldetector")]
    [InlineData("lasa")]
    [InlineData("auror")]
    [InlineData("rflbat")]
    public void Example_Binds_WithoutWarningsAndSetsEveryKeyOfItsDefense(string name)
    {
        var ns = ConfigReader.ParseFile(ExamplePath(name));
        var registry = BuiltInComponents.CreateRegistry();
        var setup = ExperimentBinder.Bind(ns, registry, ConfigSamples.Models, ConfigSamples.Datasets);

        Assert.Empty(setup.Warnings);
        Assert.Equal(new[] { name }, setup.Config.DefenseTypes);
        Assert.Single(setup.Defenses);
        Assert.Equal("byzantine", setup.Config.AttackType);
        registry.TryGet(ComponentKind.Defense, name, out var descriptor);
        Assert.All(descriptor.Parameters, p => Assert.NotNull(ns.Find(p.Key, "defense_args")));
    }
}
