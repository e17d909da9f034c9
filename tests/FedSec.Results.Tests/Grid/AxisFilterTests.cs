using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

public sealed class AxisFilterTests
{
    private static Dictionary<string, string> Run(string attack, string defense, string seed, string? tune = null)
    {
        var axes = new Dictionary<string, string> { ["attack"] = attack, ["defense"] = defense, ["seed"] = seed };
        if (tune is not null)
        {
            axes[GridExpander.TuneAxis] = tune;
        }

        return axes;
    }

    [Fact]
    public void Matches_EveryConditionMustHold_AnyOfItsValues()
    {
        var filter = AxisFilter.Parse(["attack=none,alie", "seed=0"]);

        Assert.True(filter.Matches(Run("alie", "krum", "0")));
        Assert.False(filter.Matches(Run("alie", "krum", "1")));
        Assert.False(filter.Matches(Run("ipm", "krum", "0")));
        Assert.False(filter.Matches(new Dictionary<string, string> { ["seed"] = "0" }));
    }

    [Fact]
    public void Matches_TunedDefense_ByItsLabelAndByItsName()
    {
        var candidate = Run("alie", "trimmed_mean(beta=0.2)", "0", "beta=0.2");

        Assert.True(AxisFilter.Parse(["defense=trimmed_mean"]).Matches(candidate));
        Assert.True(AxisFilter.Parse(["defense=trimmed_mean(beta=0.2)"]).Matches(candidate));
        Assert.False(AxisFilter.Parse(["defense=trimmed_mean(beta=0.1)"]).Matches(candidate));
    }

    [Fact]
    public void Check_ValueNoRunHolds_NamesItAndListsTheValues()
    {
        var e = Assert.Throws<AxisFilterException>(() => AxisFilter.Parse(["seed=0,5"]).Check([Run("none", "none", "0"), Run("none", "none", "1")]));
        Assert.Equal("--only seed=...: no run has seed = 5; the values are 0, 1.", e.Message);
    }

    [Fact]
    public void Check_AxisNoRunHas_ListsTheAxes()
    {
        var e = Assert.Throws<AxisFilterException>(() => AxisFilter.Parse(["malicious=10%"]).Check([Run("none", "none", "0")]));
        Assert.Equal("--only malicious=...: no run has the axis 'malicious'; the axes are attack, defense, seed.", e.Message);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("=0")]
    [InlineData("seed=")]
    [InlineData("seed= , ")]
    public void Parse_NotAxisEqualsValues_QuotesTheSpecification(string spec)
    {
        var e = Assert.Throws<AxisFilterException>(() => AxisFilter.Parse([spec]));
        Assert.StartsWith($"--only '{spec}' is not AXIS=VALUE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ConditionsWithSortedValues()
    {
        Assert.Equal("attack ∈ {alie, none}; seed ∈ {0}", AxisFilter.Parse(["attack=none,alie", "seed=0"]).ToString());
    }
}
