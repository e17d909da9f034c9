using FedSec.Simulation;
using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Interop;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Interop;

public sealed class OfflineAggregationTests
{
    [Fact]
    public void Run_NoDefense_ReturnsTheWeightedMean()
    {
        var request = new OfflineAggregationRequest
        {
            Models = new[] { new[] { 1f, 10f }, new[] { 5f, 2f } },
            Weights = new[] { 1.0, 3.0 },
        };

        var result = OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry());

        // (1·1 + 3·5)/4 = 4, (1·10 + 3·2)/4 = 4.
        Assert.Equal(new[] { 4f, 4f }, result.Aggregate);
        Assert.Empty(result.Defenses);
    }

    [Fact]
    public void Run_MedianRule_ReturnsTheCoordinateWiseMedian()
    {
        var registry = BuiltInComponents.CreateRegistry().Register(MedianRuleComponent.Descriptor());
        var request = new OfflineAggregationRequest
        {
            Defenses = new[] { "test_median" },
            Models = new[] { new[] { 1f, 30f }, new[] { 7f, 10f }, new[] { 2f, 20f } },
        };

        var result = OfflineAggregation.Run(request, registry);

        Assert.Equal(new[] { 2f, 20f }, result.Aggregate);
        var report = Assert.Single(result.Defenses);
        Assert.Equal(("test_median", DefenseStage.On), (report.Name, report.Stage));
    }

    [Fact]
    public void Run_AfterDefenseNamedFirst_StillRunsAfterTheAggregationOnTheResult()
    {
        var seen = new List<float[]>();
        var registry = BuiltInComponents.CreateRegistry()
            .Register(MedianRuleComponent.Descriptor())
            .Register(ShiftAfterAggregationComponent.Descriptor(seen));
        var request = new OfflineAggregationRequest
        {
            Defenses = new[] { "test_shift", "test_median" },
            Models = new[] { new[] { 1f, 30f }, new[] { 7f, 10f }, new[] { 2f, 20f } },
            Global = new[] { 0.5f, -0.5f },
        };

        var result = OfflineAggregation.Run(request, registry);

        Assert.Equal(new[] { 102f, 120f }, result.Aggregate);
        Assert.Equal(new[] { ("test_median", DefenseStage.On), ("test_shift", DefenseStage.After) }, result.Defenses.Select(r => (r.Name, r.Stage)));
        Assert.Equal(new[] { 0.5f, -0.5f }, Assert.Single(seen));
    }

    [Fact]
    public void Run_MultiKrumThenFedAvg_RemovesTheOutlierAndAveragesTheKeptRows()
    {
        // Six honest clients near (1, 1) and one far away; m-Krum with f = 1 and m = 3 keeps three honest rows.
        var models = new[]
        {
            new[] { 1.0f, 1.0f }, new[] { 1.1f, 0.9f }, new[] { 0.9f, 1.1f }, new[] { 1.0f, 1.2f },
            new[] { 1.2f, 1.0f }, new[] { 0.8f, 0.9f }, new[] { 50f, -40f },
        };
        var request = new OfflineAggregationRequest
        {
            Defenses = new[] { "multikrum" },
            Parameters = new[] { "byzantine_client_num=1", "defense_args.krum_param_m=3" },
            Models = models,
            Global = new[] { 1f, 1f },
        };

        var result = OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry());

        var report = Assert.Single(result.Defenses);
        Assert.Equal(DefenseStage.Before, report.Stage);
        Assert.Equal(Enumerable.Range(0, 7), report.Verdicts.Select(v => v.ClientId).Order());
        var kept = report.Verdicts.Where(v => v.Kind == VerdictKind.Kept).Select(v => v.ClientId).ToArray();
        Assert.Equal(3, kept.Length);
        Assert.DoesNotContain(6, kept);
        Assert.Equal(VerdictKind.Removed, report.Verdicts.Single(v => v.ClientId == 6).Kind);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(kept.Average(i => (double)models[i][j]), result.Aggregate[j], 5);
        }
    }

    [Fact]
    public void Run_UnknownDefense_ThrowsListingTheRegisteredNames()
    {
        var request = new OfflineAggregationRequest { Defenses = new[] { "krumm" }, Models = new[] { new[] { 1f } } };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("defense_args.defense_type", problem.Key);
        Assert.Contains("'krumm'", problem.Message, StringComparison.Ordinal);
        foreach (var d in BuiltInComponents.CreateRegistry().OfKind(ComponentKind.Defense))
        {
            Assert.Contains(d.Name, problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_BadParameterValues_ReportsEveryKeyAtOnce()
    {
        var request = new OfflineAggregationRequest
        {
            Defenses = new[] { "krum" },
            Parameters = new[] { "krum_param_m=abc", "byzantine_client_num=[1", "krum_param_q=2" },
            Models = Enumerable.Range(0, 6).Select(i => new[] { (float)i }).ToArray(),
        };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        var keys = e.Problems.Select(p => p.Key).ToArray();
        Assert.Contains("defense_args.krum_param_m", keys);
        Assert.Contains("defense_args.byzantine_client_num", keys);
        Assert.Contains("defense_args.krum_param_q", keys);
        Assert.Contains("--param", e.Problems.Single(p => p.Key == "defense_args.byzantine_client_num").Message, StringComparison.Ordinal);
        Assert.Contains("krum_param_m", e.Problems.Single(p => p.Key == "defense_args.krum_param_q").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ParameterOutOfRangeForN_ReportsTheKey()
    {
        var request = new OfflineAggregationRequest
        {
            Defenses = new[] { "krum" },
            Parameters = new[] { "byzantine_client_num=3" },
            Models = Enumerable.Range(0, 5).Select(i => new[] { (float)i }).ToArray(),
        };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        Assert.Equal("defense_args.byzantine_client_num", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Run_TwoAggregationRules_ThrowsConfigException()
    {
        var registry = BuiltInComponents.CreateRegistry()
            .Register(MedianRuleComponent.Descriptor("median_a"))
            .Register(MedianRuleComponent.Descriptor("median_b"));
        var request = new OfflineAggregationRequest { Defenses = new[] { "median_a", "median_b" }, Models = new[] { new[] { 1f } } };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, registry));

        Assert.Contains("at most one aggregation rule", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefenseProbingTheModel_ThrowsConfigExceptionNamingIt()
    {
        var request = new OfflineAggregationRequest { Defenses = new[] { "deepsight" }, Models = new[] { new[] { 1f }, new[] { 2f } } };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        Assert.Contains("'deepsight' runs the clients' models on inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FLDetector_SaysOneAggregationHasNoHistory_NotComm_Round()
    {
        var request = new OfflineAggregationRequest { Defenses = new[] { "fldetector" }, Models = new[] { new[] { 1f }, new[] { 2f } } };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        Assert.Contains("one offline aggregation of given models has no history", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("comm_round", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DefenseNeedingServerData_ThrowsConfigException()
    {
        var request = new OfflineAggregationRequest { Defenses = new[] { "fltrust" }, Models = new[] { new[] { 1f }, new[] { 2f } } };

        var e = Assert.Throws<ConfigException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        Assert.Contains("'fltrust' needs the server's own clean data set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RowsOfDifferentLengths_ThrowsArgumentException()
    {
        var request = new OfflineAggregationRequest { Models = new[] { new[] { 1f, 2f }, new[] { 1f } } };

        var e = Assert.Throws<ArgumentException>(() => OfflineAggregation.Run(request, BuiltInComponents.CreateRegistry()));

        Assert.Contains("Client 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Defense_LeavesTheCallersRowsUnchanged()
    {
        var models = new[] { new[] { 0f, 0f }, new[] { 3f, 4f }, new[] { 30f, 40f } };
        var registry = BuiltInComponents.CreateRegistry().Register(MedianRuleComponent.Descriptor());
        var request = new OfflineAggregationRequest { Defenses = new[] { "nnm", "test_median" }, Models = models };

        OfflineAggregation.Run(request, registry);

        Assert.Equal(new[] { 3f, 4f }, models[1]);
        Assert.Equal(new[] { 30f, 40f }, models[2]);
    }
}
