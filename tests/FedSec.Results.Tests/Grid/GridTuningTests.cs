using FedSec.Components;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Setup;

namespace FedSec.Results.Tests.Grid;

/// <summary>A defense variant's <c>tune:</c> map: one run per combination of its candidates, labelled NAME(k=v,...).</summary>
public class GridTuningTests
{
    private static readonly IReadOnlySet<string> ListKeys = ConfigVocabulary.ListValuedKeys(BuiltInComponents.CreateRegistry());

    private const string Head = """
        common_args:
          random_seed: [0, 1]
        attack_args:
          byzantine_client_num: 1
        grid:
          attack:
            - name: alie
              attack_args: {enable_attack: true, attack_type: alie}
          defense:
            - name: none
              defense_args: {enable_defense: false}

        """;

    private static IReadOnlyList<GridRunPlan> Expand(string yaml) => GridExpander.Expand(ConfigReader.Parse(yaml, "tuned.yaml"), ListKeys, TestKeys.Binding);

    [Fact]
    public void Expand_TwoTunedKeys_OneRunPerCombinationPerSeedLabelledByNameAndValues()
    {
        var runs = Expand(Head + """
                - name: trimmed
                  defense_args: {enable_defense: true, defense_type: trimmed_mean}
                  tune: {beta: [0.1, 0.2], client_num_per_round: [10]}
            """);

        // 2 seeds × (none + 2 candidates); seeds outermost, candidates in the order written.
        Assert.Equal(
            new[]
            {
                "attack=alie defense=none seed=0", "attack=alie defense=trimmed(beta=0.1,client_num_per_round=10) seed=0", "attack=alie defense=trimmed(beta=0.2,client_num_per_round=10) seed=0",
                "attack=alie defense=none seed=1", "attack=alie defense=trimmed(beta=0.1,client_num_per_round=10) seed=1", "attack=alie defense=trimmed(beta=0.2,client_num_per_round=10) seed=1",
            },
            runs.Select(r => r.Label));
        var tuned = runs[2];
        Assert.Equal("beta=0.2,client_num_per_round=10", tuned.Axes[GridExpander.TuneAxis]);
        Assert.False(runs[0].Axes.ContainsKey(GridExpander.TuneAxis));
        Assert.Equal("0.2", tuned.Config.Find("beta", ConfigSections.Defense)!.Value);
        Assert.Equal("trimmed_mean", TestKeys.Bind(tuned.Config).Defenses.Single().Name);
        Assert.Equal(6, runs.Select(r => r.RunKey).Distinct().Count());
    }

    [Fact]
    public void Expand_TunedCandidate_SameRunKeyAsTheUntunedVariantWritingThatValue()
    {
        var tuned = Expand(Head + "    - name: trimmed\n      defense_args: {enable_defense: true, defense_type: trimmed_mean}\n      tune: {beta: [0.1, 0.3]}\n");
        var plain = Expand(Head + "    - name: trimmed\n      defense_args: {enable_defense: true, defense_type: trimmed_mean, beta: 0.3}\n");

        Assert.Equal(plain.Single(r => r.Axes["defense"] == "trimmed" && r.Seed == 1).RunKey, tuned.Single(r => r.Axes["defense"] == "trimmed(beta=0.3)" && r.Seed == 1).RunKey);
    }

    [Fact]
    public void Expand_ExcludeNamingTheTunedVariant_LeavesOutEveryCandidate()
    {
        var runs = Expand(Head + """
                - name: trimmed
                  defense_args: {enable_defense: true, defense_type: trimmed_mean}
                  tune: {beta: [0.1, 0.2]}
              exclude:
                - {defense: trimmed, seed: "1"}
                - {defense: "trimmed(beta=0.1)", seed: "0"}
            """);

        Assert.Equal(new[] { "attack=alie defense=none seed=0", "attack=alie defense=trimmed(beta=0.2) seed=0", "attack=alie defense=none seed=1" }, runs.Select(r => r.Label));
    }

    [Fact]
    public void Family_StripsTheTuningSuffixOnly()
    {
        Assert.Equal("trimmed", GridTuning.Family("trimmed(beta=0.1)", "beta=0.1"));
        Assert.Equal("krum(krum_param_m=4)", GridTuning.Family("krum(krum_param_m=4)", null));
        Assert.Equal("x(beta=0.1)", GridTuning.Family("x(beta=0.1)", "beta=0.2"));
    }

    [Theory]
    [InlineData("    - name: t\n      defense_args: {enable_defense: true, defense_type: trimmed_mean}\n      tune: [0.1]\n", "grid.defense[1] (tuned.yaml:9).tune: must be a non-empty mapping")]
    [InlineData("    - name: t\n      defense_args: {enable_defense: true, defense_type: trimmed_mean}\n      tune: {beta: 0.1}\n", "grid.defense[1] (tuned.yaml:9).tune.beta: is 0.1, but a tuned key takes a non-empty list")]
    [InlineData("    - name: t\n      defense_args: {enable_defense: true, defense_type: trimmed_mean}\n      tune: {beta: []}\n", "tune.beta: is [], but a tuned key takes a non-empty list")]
    [InlineData("    - name: t\n      defense_args: {enable_defense: true, defense_type: trimmed_mean, beta: 0.2}\n      tune: {beta: [0.1]}\n", "tune.beta: is also set by the variant 't' itself")]
    [InlineData("    - name: t\n      defense_args: {enable_defense: true, defense_type: trimmed_mean}\n      tune: {beta: [0.1, 0.2, 0.1]}\n", "tune.beta: lists 0.1 more than once")]
    public void Expand_BadTuneEntry_ErrorNamesTheKeyAndTheFile(string variant, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => Expand(Head + variant));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("tuned.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_TuneOnAnAttackVariant_IsAnError()
    {
        var e = Assert.Throws<ConfigException>(() => Expand("grid:\n  attack:\n    - name: alie\n      attack_args: {enable_attack: true, attack_type: alie}\n      tune: {ipm_epsilon: [0.1]}\n"));

        Assert.Contains("grid.attack[0] (tuned.yaml:2).tune: only the variants of 'grid: defense:' may tune", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_VariantListNamedTune_IsAnError()
    {
        var e = Assert.Throws<ConfigException>(() => Expand("grid:\n  tune:\n    - name: a\n"));

        Assert.Contains("grid.tune (tuned.yaml:2): 'tune' is the axis of tuned hyper-parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_TooManyCombinations_IsAnErrorNamingTheSizes()
    {
        string many = "[" + string.Join(", ", Enumerable.Range(1, 40)) + "]";
        var e = Assert.Throws<ConfigException>(() => Expand(Head + $"    - name: t\n      defense_args: {{enable_defense: true, defense_type: trimmed_mean}}\n      tune: {{bucket_size: {many}, batch_num: {many}}}\n"));

        Assert.Contains("tune: gives more than 1000 combinations (bucket_size 40 × batch_num 40)", e.Message, StringComparison.Ordinal);
    }
}
