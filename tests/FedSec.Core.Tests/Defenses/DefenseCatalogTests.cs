using FedSec.Setup;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses;

public class DefenseCatalogTests
{
    [Theory]
    [InlineData("norm_diff_clipping", typeof(IBeforeAggregationDefense))]
    [InlineData("rfa", typeof(IOnAggregationDefense))]
    [InlineData("geo_median", typeof(IOnAggregationDefense))]
    [InlineData("wise_median", typeof(IOnAggregationDefense))]
    [InlineData("trimmed_mean", typeof(IOnAggregationDefense))]
    [InlineData("slsgd", typeof(IOnAggregationDefense))]
    [InlineData("robust_learning_rate", typeof(IOnAggregationDefense))]
    [InlineData("bulyan", typeof(IOnAggregationDefense))]
    [InlineData("cclip", typeof(IOnAggregationDefense))]
    [InlineData("weak_dp", typeof(IAfterAggregationDefense))]
    [InlineData("crfl", typeof(IAfterAggregationDefense))]
    [InlineData("fldetector", typeof(IBeforeAggregationDefense))]
    [InlineData("lasa", typeof(IOnAggregationDefense))]
    [InlineData("auror", typeof(IBeforeAggregationDefense))]
    [InlineData("rflbat", typeof(IBeforeAggregationDefense))]
    [InlineData("fedrdf", typeof(IOnAggregationDefense))]
    [InlineData("deepsight", typeof(IOnAggregationDefense))]
    [InlineData("flare", typeof(IOnAggregationDefense))]
    public void RegisterAll_AggregationRulesClippingAndNoise_CreatedAtTheirStageFromDefaults(string name, Type stage)
    {
        var registry = BuiltInComponents.CreateRegistry();
        Assert.True(registry.TryGet(ComponentKind.Defense, name, out var descriptor), $"'{name}' is not registered.");
        var created = AggregationDefenseFixtures.Create<object>(descriptor, 11);
        Assert.IsAssignableFrom(stage, created);
    }
}
