using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

public class RunKeyTests
{
    private static string Key(string yaml) => TestKeys.Of(ConfigReader.Parse(yaml, "x.yaml"));

    [Fact]
    public void Of_SameEntriesInAnotherOrder_SameKey()
    {
        Assert.Equal(
            Key("train_args:\n  comm_round: 3\n  learning_rate: 0.1\n"),
            Key("train_args:\n  learning_rate: 0.1\n  comm_round: 3\n"));
    }

    [Fact]
    public void Of_EngineDefaultWrittenOrLeftOut_SameKey()
    {
        Assert.Equal(Key("train_args:\n  comm_round: 3\n"), Key("train_args:\n  comm_round: 3\n  batch_size: 32\n"));
    }

    [Fact]
    public void Of_DifferentSeedOrValue_DifferentKey()
    {
        string a = Key("common_args:\n  random_seed: 0\n");
        Assert.NotEqual(a, Key("common_args:\n  random_seed: 1\n"));
        Assert.NotEqual(a, Key("common_args:\n  random_seed: 0\ntrain_args:\n  comm_round: 4\n"));
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Of_ExactSum_OffOrLeftOutSameKey_OnChangesIt()
    {
        // train_args.exact_sum came after the stored grids: configurations that do not set it keep their keys.
        string bare = Key("train_args:\n  comm_round: 3\n");
        Assert.Equal(bare, Key("train_args:\n  comm_round: 3\n  exact_sum: false\n"));
        Assert.NotEqual(bare, Key("train_args:\n  comm_round: 3\n  exact_sum: true\n"));
    }

    [Fact]
    public void Of_DataCacheDir_NotPartOfTheKey()
    {
        Assert.Equal(Key("train_args:\n  comm_round: 3\n"), Key("train_args:\n  comm_round: 3\ndata_args:\n  data_cache_dir: /elsewhere\n"));
    }

    [Fact]
    public void Of_EmptyInitialModel_SameKeyAsNone_PathChangesIt()
    {
        var plain = ConfigReader.Parse("model_args: {model: cnn}\n", "test");
        var empty = ConfigReader.Parse("model_args: {model: cnn, initial_model: ''}\n", "test");
        var set = ConfigReader.Parse("model_args: {model: cnn, initial_model: runs/a/final_model.npy}\n", "test");
        Assert.Equal(TestKeys.Of(plain), TestKeys.Of(empty));
        Assert.NotEqual(TestKeys.Of(plain), TestKeys.Of(set));
    }

    [Fact]
    public void Of_EveryEngineDefaultSpelledOut_SameKeyAsBareConfig()
    {
        var bare = new ConfigNamespace();
        var spelled = new ConfigNamespace();
        foreach (var p in EngineParameters.All)
        {
            spelled.Set(p.Section, p.Parameter.Key, Raw(p.Parameter.CanonicalText(p.Parameter.DefaultValue)), "test");
        }

        Assert.Equal(TestKeys.Of(bare), TestKeys.Of(spelled));
    }

    [Fact]
    public void Of_EveryComponentDefaultSpelledOut_SameKeyAsBareConfig()
    {
        foreach (var d in BuiltInComponents.CreateRegistry().All)
        {
            string section = ConfigVocabulary.SectionOf(d.Kind);
            var bare = Enabling(d);
            var spelled = Enabling(d);
            foreach (var p in d.Parameters.Where(p => p.DefaultValue is not null && bare.Find(p.Key) is null))
            {
                spelled.Set(section, p.Key, Raw(p.CanonicalText(p.DefaultValue)), "test");
            }

            Assert.True(TestKeys.Of(bare) == TestKeys.Of(spelled), $"{d.Name}: spelling out its defaults changed the run key.");
        }
    }

    [Theory]
    [InlineData("train_args:\n  learning_rate: 0.10\n", "train_args:\n  learning_rate: 0.1\n")]
    [InlineData("data_args:\n  partition_method: Hetero\n", "data_args:\n  partition_method: hetero\n")]
    [InlineData("train_args:\n  federated_optimizer: FedOpt\n", "train_args:\n  federated_optimizer: fedadam\n")]
    [InlineData("device_args:\n  using_gpu: true\n", "")]
    [InlineData("defense_args:\n  krum_param_m: 3\n", "")]
    [InlineData("attack_args:\n  enable_attack: false\n  attack_type: byzantine\n", "")]
    public void Of_SameResolvedValuesWrittenDifferently_SameKey(string a, string b)
    {
        const string Seed = "common_args:\n  random_seed: 0\n";
        Assert.Equal(Key(Seed + a), Key(Seed + b));
    }

    [Theory]
    [InlineData("defense_args:\n  enable_defense: true\n  defense_type: multikrum\n", "defense_args:\n  enable_defense: true\n  defense_type: multikrum\n  krum_param_m: 1\n")]
    [InlineData("defense_args:\n  enable_defense: true\n  defense_type: krum\n", "defense_args:\n  enable_defense: true\n  defense_type: multikrum\n")]
    [InlineData("defense_args:\n  enable_defense: true\n  defense_type: [nnm, krum]\n", "defense_args:\n  enable_defense: true\n  defense_type: [krum, nnm]\n")]
    [InlineData("attack_args:\n  enable_attack: true\n  attack_type: byzantine\n", "attack_args:\n  enable_attack: true\n  attack_type: byzantine\n  attack_mode: zero\n")]
    public void Of_DifferentResolvedValues_DifferentKey(string a, string b)
    {
        Assert.NotEqual(Key(a), Key(b));
    }

    private static ConfigNamespace Enabling(FedSec.Components.ComponentDescriptor d)
    {
        var ns = new ConfigNamespace();
        if (d.Kind == FedSec.Components.ComponentKind.Attack)
        {
            ns.Set(ConfigSections.Attack, "enable_attack", "true", "test");
            ns.Set(ConfigSections.Attack, "attack_type", d.Name, "test");
            ns.Set(ConfigSections.Attack, "original_class_list", "3", "test");
            ns.Set(ConfigSections.Attack, "target_class_list", "9", "test");
            ns.Set(ConfigSections.Attack, "trigger_phrase", "x", "test");
            ns.Set(ConfigSections.Attack, "target_continuation", "y", "test");
        }
        else
        {
            ns.Set(ConfigSections.Defense, "enable_defense", "true", "test");
            ns.Set(ConfigSections.Defense, "defense_type", d.Name, "test");
            if (d.Name == "zenopp")
            {
                // Zeno++ binds only with an asynchronous optimizer.
                ns.Set(ConfigSections.Train, "federated_optimizer", "FedAsync", "test");
                ns.Set(ConfigSections.Train, "staleness_model", "uniform", "test");
                ns.Set(ConfigSections.Train, "client_num_per_round", "1", "test");
            }

            if (d.Name == "fldetector")
            {
                // FLDetector's default window (10) flags nothing in the default 5 rounds: a config error.
                ns.Set(ConfigSections.Train, "comm_round", "12", "test");
            }
        }

        return ns;
    }

    // A canonical text as a raw config value: lists as YAML lists, the rest as strings.
    private static object? Raw(string text) => text.StartsWith('[')
        ? text.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList()
        : text;
}
