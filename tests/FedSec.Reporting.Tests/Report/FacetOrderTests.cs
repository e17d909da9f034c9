using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class FacetOrderTests
{
    private static StoredRun Run(string defense, int? rank, string? tune = null)
    {
        var axes = new Dictionary<string, string> { ["attack"] = "none", ["defense"] = defense, ["seed"] = "0" };
        if (tune is not null)
        {
            axes["tune"] = tune;
        }

        return new StoredRun(defense, defense, axes, 0, string.Empty, string.Empty, "mnist", "cnn", 1, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty)
        {
            AxisRanks = rank is { } r ? new Dictionary<string, int> { ["defense"] = r } : new Dictionary<string, int>(),
        };
    }

    [Fact]
    public void Defenses_NoneFirstThenTheGridsOrderThenUnknownByName()
    {
        StoredRun[] runs = [Run("alpha", 3), Run("zeta", 1), Run("none", 2), Run("omega", null), Run("beta", null)];

        Assert.Equal(["none", "zeta", "alpha", "beta", "omega"], Facet.Defenses(runs));
    }

    [Fact]
    public void Ordered_TunedDefenseByName_TakesItsFirstCandidatesPlace()
    {
        StoredRun[] runs = [Run("krum", 0), Run("trimmed_mean(beta=0.2)", 2, "beta=0.2"), Run("trimmed_mean(beta=0.1)", 1, "beta=0.1"), Run("median", 3)];

        Assert.Equal(["krum", "trimmed_mean", "median"], Facet.Ordered(runs, WorstCaseSelection.DefenseOf, "defense"));
    }

    [Fact]
    public void Defenses_NoStoredOrder_NoneFirstThenByName()
    {
        Assert.Equal(["none", "krum", "median"], Facet.Defenses([Run("median", null), Run("none", null), Run("krum", null)]));
    }
}
