using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Common;

public class FilteringDefenseRegistrationTests
{
    public static TheoryData<string, string[], string> Defenses => new()
    {
        { "foolsgold", new[] { "kappa", "foolsgold_feature" }, "before" },
        { "3sigma", new[] { "bound_param", "threshold_statistics" }, "before" },
        { "anomaly_detection", new[] { "bound_param", "threshold_statistics" }, "before" },
        { "flame", new[] { "flame_lambda" }, "before+after" },
        { "dnc", new[] { "byzantine_client_num", "filter_frac", "subsample_dim", "dnc_iterations" }, "before" },
        { "signguard", new[] { "norm_ratio_lower", "norm_ratio_upper", "sign_sample_fraction" }, "before" },
        { "nnm", new[] { "byzantine_client_num" }, "before" },
        { "bucketing", new[] { "bucket_size" }, "before" },
        { "arc", new[] { "byzantine_client_num" }, "before" },
        { "fltrust", new[] { "root_set_size", "server_training" }, "on" },
    };

    [Theory]
    [MemberData(nameof(Defenses))]
    public void Create_DefaultConfig_InstanceAtItsStagesWithoutProblems(string name, string[] keys, string stages)
    {
        var registry = BuiltInComponents.CreateRegistry();
        Assert.True(registry.TryGet(ComponentKind.Defense, name, out var descriptor));
        Assert.Equal(keys, descriptor.Parameters.Select(p => p.Key));
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args");
        var instance = descriptor.Create(args);
        Assert.Empty(args.Problems);
        var actual = string.Join("+", new[]
        {
            instance is IBeforeAggregationDefense ? "before" : null,
            instance is IOnAggregationDefense ? "on" : null,
            instance is IAfterAggregationDefense ? "after" : null,
        }.Where(s => s is not null));
        Assert.Equal(stages, actual);
    }

    [Theory]
    [InlineData("foolsgold", "kappa", "0")]
    [InlineData("foolsgold", "foolsgold_feature", "first_layer")]
    [InlineData("3sigma", "bound_param", "0")]
    [InlineData("anomaly_detection", "threshold_statistics", "max")]
    [InlineData("flame", "flame_lambda", "-1")]
    [InlineData("dnc", "subsample_dim", "0")]
    [InlineData("signguard", "sign_sample_fraction", "1.5")]
    [InlineData("nnm", "byzantine_client_num", "10")]
    [InlineData("bucketing", "bucket_size", "11")]
    [InlineData("arc", "byzantine_client_num", "12")]
    [InlineData("fltrust", "root_set_size", "0")]
    [InlineData("fltrust", "server_training", "steps")]
    public void Create_BadValue_ReportsItsKey(string name, string key, string value)
    {
        BuiltInComponents.CreateRegistry().TryGet(ComponentKind.Defense, name, out var descriptor);
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", (key, value));
        descriptor.Create(args);
        Assert.Equal($"defense_args.{key}", Assert.Single(args.Problems).Key);
    }

    [Fact]
    public void Create_SignGuardBoundsReversed_ReportsLowerBound()
    {
        BuiltInComponents.CreateRegistry().TryGet(ComponentKind.Defense, "signguard", out var descriptor);
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("norm_ratio_lower", "2"), ("norm_ratio_upper", "1"));
        descriptor.Create(args);
        Assert.Equal("defense_args.norm_ratio_lower", Assert.Single(args.Problems).Key);
    }
}
