using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses;

/// <summary>Every example under examples/defenses binds without problems and creates the defenses it names.</summary>
public class DefenseExamplesTests
{
    [Theory]
    [InlineData("norm_diff_clipping", new[] { "norm_diff_clipping" })]
    [InlineData("rfa", new[] { "rfa" })]
    [InlineData("geo_median", new[] { "geo_median" })]
    [InlineData("wise_median", new[] { "wise_median" })]
    [InlineData("trimmed_mean", new[] { "trimmed_mean" })]
    [InlineData("slsgd", new[] { "slsgd" })]
    [InlineData("robust_learning_rate", new[] { "robust_learning_rate" })]
    [InlineData("bulyan", new[] { "bulyan" })]
    [InlineData("cclip", new[] { "cclip" })]
    [InlineData("weak_dp", new[] { "norm_diff_clipping", "weak_dp" })]
    [InlineData("crfl", new[] { "crfl" })]
    [InlineData("fedrdf", new[] { "fedrdf" })]
    public void Bind_DefenseExample_CreatesItsDefensesWithoutProblemsOrWarnings(string file, string[] defenses)
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "defenses", file + ".yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Equal(defenses, setup.Config.DefenseTypes);
        Assert.Empty(setup.Warnings);
        Assert.Equal(defenses.Length, setup.Defenses.Count);
        Assert.All(setup.Defenses, d => Assert.True(d.Instance is IBeforeAggregationDefense or IOnAggregationDefense or IAfterAggregationDefense));
        Assert.Equal("byzantine", setup.Config.AttackType);
    }
}
