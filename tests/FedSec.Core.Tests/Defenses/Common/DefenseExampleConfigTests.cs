using FedSec.Registry;
using YamlDotNet.RepresentationModel;

namespace FedSec.Core.Tests.Defenses.Common;

public class DefenseExampleConfigTests
{
    private static readonly string[] CommonDefenseKeys = { "enable_defense", "defense_type" };

    private static string ExamplesDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FedSec.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "examples", "defenses");
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
    public void Example_DefenseArgs_NameTheDefenseAndOnlyItsKeys(string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(ExamplesDirectory(), name + ".yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var defense = (YamlMappingNode)root.Children[new YamlScalarNode("defense_args")];
        var keys = defense.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToArray();
        Assert.Equal(name, ((YamlScalarNode)defense.Children[new YamlScalarNode("defense_type")]).Value);

        BuiltInComponents.CreateRegistry().TryGet(ComponentKind.Defense, name, out var descriptor);
        var declared = descriptor.Parameters.Select(p => p.Key).Concat(CommonDefenseKeys).ToHashSet();
        Assert.All(keys, k => Assert.Contains(k, declared));
        Assert.All(descriptor.Parameters, p => Assert.Contains(p.Key, keys));
        Assert.Equal("byzantine", ((YamlScalarNode)((YamlMappingNode)root.Children[new YamlScalarNode("attack_args")]).Children[new YamlScalarNode("attack_type")]).Value);
    }
}
