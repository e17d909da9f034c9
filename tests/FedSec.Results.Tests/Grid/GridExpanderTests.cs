using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Components;

namespace FedSec.Results.Tests.Grid;

public class GridExpanderTests
{
    private static readonly IReadOnlySet<string> ListKeys = ConfigVocabulary.ListValuedKeys(BuiltInComponents.CreateRegistry());

    private static IReadOnlyList<GridRunPlan> Expand(string yaml) => GridExpander.Expand(ConfigReader.Parse(yaml, "grid.yaml"), ListKeys, TestKeys.Binding);

    [Fact]
    public void Expand_TwoListsAndScalars_CrossProductWithScalarsBroadcast()
    {
        var runs = Expand("common_args:\n  random_seed: [0, 1]\ntrain_args:\n  comm_round: 3\n  learning_rate: [0.1, 0.01, 0.001]\n");

        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal("3", r.Config.Find("comm_round")!.Value));
        var pairs = runs.Select(r => ((string)r.Config.Find("random_seed")!.Value!, (string)r.Config.Find("learning_rate")!.Value!)).ToArray();
        Assert.Equal(6, pairs.Distinct().Count());
        Assert.Equal(new[] { 0L, 0, 0, 1, 1, 1 }, runs.Select(r => r.Seed));
    }

    [Fact]
    public void Expand_MoreCombinationsThanMaxRuns_IsAConfigErrorBeforeExpanding()
    {
        // Eight axes of ten values: 10^8 runs, which ran out of a 2 GiB heap before this check (fuzz/README.md).
        string axes = string.Concat(new[] { "epochs", "batch_size", "learning_rate", "comm_round", "client_num_in_total", "client_num_per_round", "weight_decay" }
            .Select(k => $"  {k}: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"));

        var e = Assert.Throws<ConfigException>(() => Expand("common_args:\n  random_seed: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\ntrain_args:\n" + axes));

        Assert.Contains("grid.yaml:2 (grid axis): the grid has more than 100000 combinations (random_seed 10 × epochs 10 × batch_size 10 × learning_rate 10", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("split it into smaller grids or narrow its axes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_NoList_OneRunWithNoneLabels()
    {
        var run = Assert.Single(Expand("train_args:\n  comm_round: 3\n"));

        Assert.Equal("none", run.Axes[GridExpander.AttackAxis]);
        Assert.Equal("none", run.Axes[GridExpander.DefenseAxis]);
        Assert.Equal("0", run.Axes[GridExpander.SeedAxis]);
        Assert.Equal("attack=none defense=none seed=0", run.Label);
    }

    [Fact]
    public void Expand_ListValuedKeyWrittenFlat_IsOneChainNotAnAxis()
    {
        var run = Assert.Single(Expand("defense_args:\n  enable_defense: true\n  defense_type: [nnm, trimmed_mean]\n"));

        Assert.Equal(new object?[] { "nnm", "trimmed_mean" }, (IEnumerable<object?>)run.Config.Find("defense_type")!.Value!);
        Assert.Equal("nnm+trimmed_mean", run.Axes[GridExpander.DefenseAxis]);
    }

    [Fact]
    public void Expand_ListValuedKeyWithANestedList_IsAnAxisOfChains()
    {
        var runs = Expand("defense_args:\n  enable_defense: true\n  defense_type: [krum, [nnm, trimmed_mean]]\n");

        Assert.Equal(new[] { "krum", "nnm+trimmed_mean" }, runs.Select(r => r.Axes[GridExpander.DefenseAxis]));
    }

    [Fact]
    public void Expand_NamedVariants_SetTheirSectionsAndLabelTheRuns()
    {
        var runs = Expand("""
            train_args:
              comm_round: 2
            grid:
              attack:
                - name: benign
                - name: lf_3_9
                  attack_args: {enable_attack: true, attack_type: label_flipping, original_class_list: [3], target_class_list: [9]}
              defense:
                - name: none
                - name: m-krum
                  defense_args: {enable_defense: true, defense_type: krum, krum_param_m: 5}
            """);

        Assert.Equal(4, runs.Count);
        Assert.Equal(
            new[] { "attack=benign defense=none seed=0", "attack=benign defense=m-krum seed=0", "attack=lf_3_9 defense=none seed=0", "attack=lf_3_9 defense=m-krum seed=0" },
            runs.Select(r => r.Label));
        var lf = runs[3].Config;
        Assert.Equal(new object?[] { "3" }, (IEnumerable<object?>)lf.Find("original_class_list")!.Value!);
        Assert.Equal("5", lf.Find("krum_param_m")!.Value);
        Assert.Null(runs[0].Config.Find("attack_type"));
    }

    [Fact]
    public void Expand_SeedAxisWrittenLast_IsStillOutermost()
    {
        var runs = Expand("train_args:\n  learning_rate: [0.1, 0.2]\ncommon_args:\n  random_seed: [5, 6]\n");

        Assert.Equal(new[] { 5L, 5, 6, 6 }, runs.Select(r => r.Seed));
    }

    [Fact]
    public void Expand_AttackParameterAxis_FoldsIntoTheAttackLabel()
    {
        var runs = Expand("attack_args:\n  enable_attack: true\n  attack_type: byzantine\n  attack_mode: [zero, random, flip]\n");

        Assert.Equal(
            new[] { "byzantine(attack_mode=zero)", "byzantine(attack_mode=random)", "byzantine(attack_mode=flip)" },
            runs.Select(r => r.Axes[GridExpander.AttackAxis]));
        Assert.Equal(3, runs[0].Axes.Count);
    }

    [Fact]
    public void Expand_AttackerCountAxis_IsAFacetOfItsOwn()
    {
        var runs = Expand("attack_args:\n  enable_attack: true\n  attack_type: alie\n  byzantine_client_num: [1, 2]\n");

        Assert.Equal(new[] { "1", "2" }, runs.Select(r => r.Axes["byzantine_client_num"]));
        Assert.All(runs, r => Assert.Equal("alie", r.Axes[GridExpander.AttackAxis]));
    }

    [Fact]
    public void Expand_SameKeyListedInTwoSections_IsOneAxisSettingBoth()
    {
        var runs = Expand("attack_args:\n  enable_attack: true\n  attack_type: byzantine\n  byzantine_client_num: [1, 2]\ndefense_args:\n  enable_defense: true\n  defense_type: krum\n  byzantine_client_num: [1, 2]\n");

        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(
            r.Config.Entries.Single(e => e.Section == "attack_args" && e.Key == "byzantine_client_num").Value,
            r.Config.Entries.Single(e => e.Section == "defense_args" && e.Key == "byzantine_client_num").Value));
    }

    [Fact]
    public void Expand_SameKeyWithDifferentListsInTwoSections_ReportsBoth()
    {
        var e = Assert.Throws<ConfigException>(() => Expand("attack_args:\n  byzantine_client_num: [1, 2]\ndefense_args:\n  byzantine_client_num: [1, 3]\n"));

        Assert.Contains("byzantine_client_num", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be equal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_CombinationsResolvingToOneConfig_KeptOnce()
    {
        var runs = Expand("train_args:\n  comm_round: [2, 2, 3]\n");

        Assert.Equal(new[] { "2", "3" }, runs.Select(r => (string)r.Config.Find("comm_round")!.Value!));
    }

    [Fact]
    public void Expand_ExcludedCombination_LeftOutAndOthersKept()
    {
        var runs = Expand("""
            attack_args:
              byzantine_client_num: [1, 2]
            grid:
              attack:
                - name: none
                - name: alie
                  attack_args: {enable_attack: true, attack_type: alie}
              exclude:
                - {attack: none, byzantine_client_num: "2"}
            """);

        Assert.Equal(new[] { "attack=none defense=none byzantine_client_num=1 seed=0", "attack=alie defense=none byzantine_client_num=1 seed=0", "attack=alie defense=none byzantine_client_num=2 seed=0" }, runs.Select(r => r.Label));
    }

    [Fact]
    public void Expand_ExcludeNamingAnUnknownValue_ErrorListsTheValues()
    {
        var e = Assert.Throws<ConfigException>(() => Expand("grid:\n  attack:\n    - name: none\n  exclude:\n    - {attack: nonee}\n"));

        Assert.Contains("'nonee' is not a value of axis 'attack'; its values are none", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grid:\n  attack: krum\n", "variant list")]
    [InlineData("grid:\n  attack:\n    - attack_args: {enable_attack: true}\n", "has no name")]
    [InlineData("grid:\n  attack:\n    - name: a\n    - name: a\n", "repeats the name 'a'")]
    [InlineData("grid:\n  attack:\n    - name: a\n      atack_args: {x: 1}\n", "is not a section")]
    [InlineData("train_args:\n  comm_round: []\n", "empty list")]
    public void Expand_MalformedGrid_ErrorNamesTheProblem(string yaml, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Expand(yaml));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_VariantSettingAnExtensionSection_SetsItsKeysWhenTheRegistryAddsTheSection()
    {
        const string yaml = "grid:\n  dp:\n    - name: off\n      dp_args: {enable_dp: false}\n    - name: cdp\n      dp_args: {enable_dp: true, epsilon: 4}\n";

        // The built-in registry has no dp_args (FedSec.Privacy adds it), so the runs are keyed by their written entries.
        static string WrittenKey(ConfigNamespace c) => string.Join(";", c.Entries.Select(e => $"{e.QualifiedKey}={ConfigYamlWriter.FormatValue(e.Value)}"));
        var runs = GridExpander.Expand(ConfigReader.Parse(yaml, "grid.yaml"), ListKeys, WrittenKey, ["dp_args"]);
        var unknown = Assert.Throws<ConfigException>(() => Expand(yaml));

        Assert.Equal(new[] { "off", "cdp" }, runs.Select(r => r.Axes["dp"]));
        Assert.Equal(new[] { "false", "true" }, runs.Select(r => (string)r.Config.Find("enable_dp")!.Value!));
        Assert.Equal("4", runs[1].Config.Find("epsilon")!.Value);
        Assert.Contains("grid.dp[0] (grid.yaml:2).dp_args: is not a section", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_TwoCellsResolvingToTheSameSettings_OneRunStandingInBothCells()
    {
        // Without an attack or a defense nothing reads byzantine_client_num: both cells are the same experiment.
        var runs = Expand("attack_args:\n  byzantine_client_num: [1, 2]\n");

        var run = Assert.Single(runs);
        var other = Assert.Single(run.OtherCells);
        Assert.Equal("1", run.Axes["byzantine_client_num"]);
        Assert.Equal("2", other.Axes["byzantine_client_num"]);
    }
}
