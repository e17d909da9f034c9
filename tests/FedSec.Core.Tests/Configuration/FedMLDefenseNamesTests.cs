using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Core.Tests.Configuration;

/// <summary>FedML's defense names that FedSec runs as other defenses: 3sigma_foolsgold, 3sigma_geo, diff_clipping.</summary>
public class FedMLDefenseNamesTests
{
    private static ExperimentSetup Bind(string defenseType, string extra = "") => ExperimentBinder.Bind(
        ConfigReader.Parse($"train_args: {{ client_num_in_total: 10, client_num_per_round: 10 }}\ndefense_args:\n  enable_defense: true\n  defense_type: {defenseType}\n{extra}", "t.yaml"),
        BuiltInComponents.CreateRegistry(),
        ConfigSamples.Models,
        ConfigSamples.Datasets);

    [Theory]
    [InlineData("3sigma_foolsgold", "[3sigma, foolsgold]")]
    [InlineData("3sigma_geo", "[3sigma, geo_median]")]
    [InlineData("diff_clipping", "norm_diff_clipping")]
    public void Bind_FedMLName_RunsTheSameDefensesWithTheSameSettingsAsTheirFedSecNames(string fedml, string fedsec)
    {
        var named = Bind(fedml);
        var spelled = Bind(fedsec);

        Assert.Equal(spelled.Config.DefenseTypes, named.Config.DefenseTypes);
        Assert.Equal(spelled.Defenses.Select(d => d.Instance.GetType()), named.Defenses.Select(d => d.Instance.GetType()));
        Assert.Equal(spelled.Settings, named.Settings);
    }

    [Theory]
    [InlineData("3sigma_foolsgold", "runs as the chain [3sigma, foolsgold]")]
    [InlineData("3sigma_geo", "runs as the chain [3sigma, geo_median]")]
    [InlineData("diff_clipping", "diff_clipping is declared in FedML's constants but FedML implements nothing under that name; FedSec runs norm_diff_clipping")]
    public void Bind_FedMLName_OneWarningSayingWhatRuns(string fedml, string says)
    {
        var setup = Bind(fedml);

        var warning = Assert.Single(setup.Warnings);
        Assert.StartsWith("defense_args.defense_type: ", warning, StringComparison.Ordinal);
        Assert.Contains(says, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_DiffClippingWithNormBound_NormDiffClippingReadsTheBound()
    {
        var setup = Bind("diff_clipping", "  norm_bound: 0.33\n");

        Assert.Contains(setup.Settings, s => s.Key == "defense_args.norm_bound" && s.Text == "0.33");
        Assert.Single(setup.Warnings);
    }

    [Fact]
    public void Bind_FedMLNameInsideAList_ExpandsInPlace()
    {
        var setup = Bind("[norm_diff_clipping, 3sigma_geo]");

        Assert.Equal(["norm_diff_clipping", "3sigma", "geo_median"], setup.Config.DefenseTypes);
    }
}
