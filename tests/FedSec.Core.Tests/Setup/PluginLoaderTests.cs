using FedSec.Components;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Setup;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadInto_ExamplePlugin_RegistersItsAttackAndDefense()
    {
        var registry = BuiltInComponents.CreateRegistry();

        var loaded = PluginLoader.LoadInto(registry, [RepositoryPaths.ExamplePlugin()]);

        Assert.Equal(["constant_shift (attack)", "norm_ratio_filter (defense)"], Assert.Single(loaded).Components);
        Assert.True(registry.TryGet(ComponentKind.Attack, "constant_shift", out _));
        Assert.True(registry.TryGet(ComponentKind.Defense, "norm_ratio_filter", out _));
    }

    [Fact]
    public void ExamplePlugin_ItsAttackAgainstItsDefense_DefenseRemovesEveryShiftedUpdate()
    {
        var registry = BuiltInComponents.CreateRegistry();
        PluginLoader.LoadInto(registry, [RepositoryPaths.ExamplePlugin()]);
        var config = ConfigReader.Parse(
            """
            train_args: { client_num_in_total: 6, client_num_per_round: 6, comm_round: 3 }
            attack_args: { enable_attack: true, attack_type: constant_shift, byzantine_client_num: 1, shift: 5.0 }
            defense_args: { enable_defense: true, defense_type: norm_ratio_filter, norm_ratio: 2.0 }
            """,
            "plugin.yaml");
        var setup = ExperimentBinder.Bind(config, registry, [], []);
        var data = new ExperimentData(Enumerable.Range(0, 6).Select(_ => FakeBackend.Data(10, 3)).ToArray(), FakeBackend.Data(5, 0));

        var result = new Experiment(setup, new FakeBackend(d: 20), data).Run();

        var counts = Assert.Single(result.DetectionByDefense());
        Assert.Equal("norm_ratio_filter", counts.Key);
        Assert.Equal((3, 0, 0), (counts.Value.TruePositives, counts.Value.FalsePositives, counts.Value.FalseNegatives));
    }

    [Fact]
    public void LoadInto_SamePluginTwiceIntoOneRegistry_ErrorNamesThePluginAndTheComponent()
    {
        var registry = BuiltInComponents.CreateRegistry();
        PluginLoader.LoadInto(registry, [RepositoryPaths.ExamplePlugin()]);

        var e = Assert.Throws<PluginLoadException>(() => PluginLoader.LoadInto(registry, [RepositoryPaths.ExamplePlugin()]));

        Assert.Contains("MyComponents.dll", e.Message, StringComparison.Ordinal);
        Assert.Contains("'norm_ratio_filter' is registered already", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadInto_MissingFile_ErrorNamesTheFile()
    {
        string path = _dir.File("absent.dll");

        var e = Assert.Throws<PluginLoadException>(() => PluginLoader.LoadInto(BuiltInComponents.CreateRegistry(), [path]));

        Assert.Equal(path, e.Path);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadInto_FileThatIsNotAnAssembly_ErrorSaysSo()
    {
        string path = _dir.File("text.dll");
        File.WriteAllText(path, "not an assembly");

        var e = Assert.Throws<PluginLoadException>(() => PluginLoader.LoadInto(BuiltInComponents.CreateRegistry(), [path]));

        Assert.Contains("is not a .NET assembly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadInto_AssemblyWithoutAPlugin_ErrorNamesTheInterfaceToImplement()
    {
        string path = typeof(Assert).Assembly.Location;

        var e = Assert.Throws<PluginLoadException>(() => PluginLoader.LoadInto(BuiltInComponents.CreateRegistry(), [path]));

        Assert.Contains("no public class implements FedSec.Components.IFedSecPlugin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_PluginsList_PathsRelativeToTheFileStoredAbsoluteAndIgnoredByTheBinder()
    {
        string file = _dir.File("grid.yaml");
        File.WriteAllText(file, "plugins: [lib/My.dll]\ntrain_args:\n  comm_round: 2\n");

        var config = ConfigReader.ParseFile(file);
        var again = ConfigReader.Parse(ConfigYamlWriter.Write(config), "planned.yaml");
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), [], []);

        Assert.Equal([Path.Combine(_dir.Path, "lib", "My.dll")], ConfigReader.PluginPaths(config));
        Assert.Equal(ConfigReader.PluginPaths(config), ConfigReader.PluginPaths(again));
        Assert.Empty(setup.Warnings);
        Assert.Equal(2, setup.Config.CommRound);
    }

    [Fact]
    public void LoadInto_AsDocsExtendingShowsItFromCode_BindsAConfigNamingThePluginsDefense()
    {
        string pluginPath = RepositoryPaths.ExamplePlugin();
        var config = ConfigReader.Parse("defense_args: { enable_defense: true, defense_type: norm_ratio_filter, norm_ratio: 3 }\n", "docs.yaml");
        string[] modelNames = [], datasetNames = [];

        var registry = BuiltInComponents.CreateRegistry();
        PluginLoader.LoadInto(registry, [pluginPath]);
        var setup = ExperimentBinder.Bind(config, registry, modelNames, datasetNames);

        Assert.Equal("norm_ratio_filter", Assert.Single(setup.Defenses).Name);
        Assert.Contains(setup.Settings, s => s.Key == "defense_args.norm_ratio" && s.Text == "3");
    }
}
