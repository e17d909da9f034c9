using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.Crfl;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Crfl;

public class CrflDefenseTests
{
    [Fact]
    public void DefendAfterAggregation_LastRound_ClipsToScheduleWithoutNoise()
    {
        // MNIST schedule: ρ_t = 0.1·t + 2 with t = round + 1; round 9 of 10 → 3. (3, 4)·k with norm 10 → norm 3.
        var global = new[] { 6f, 8f };
        var result = new CrflDefense(new CrflOptions()).DefendAfterAggregation(global, Context(new float[2], 10, round: 9, totalRounds: 10));
        Assert.Equal(1.8f, result[0], 1e-5f);
        Assert.Equal(2.4f, result[1], 1e-5f);
        Assert.True(VectorNorms.L2(result) <= 3.0);
    }

    [Fact]
    public void DefendAfterAggregation_EarlierRound_AddsNoiseWithConfiguredStd()
    {
        int d = 200_000;
        var global = Enumerable.Range(0, d).Select(i => (float)(Math.Sin(i) * 1e-3)).ToArray();
        var options = new CrflOptions { Sigma = 0.02, ClipThreshold = 1e6 };
        var result = new CrflDefense(options).DefendAfterAggregation((float[])global.Clone(), Context(new float[d], 10, round: 0, totalRounds: 10));

        // The model's norm (≈ 0.32) is below ρ₁ = 2.1, so the change is the noise alone.
        var noise = result.Select((v, i) => (double)v - global[i]).ToArray();
        double mean = noise.Average();
        double std = Math.Sqrt(noise.Sum(e => (e - mean) * (e - mean)) / (d - 1));
        Assert.InRange(std, 0.02 * 0.99, 0.02 * 1.01);
        Assert.InRange(mean, -0.0002, 0.0002);
    }

    [Fact]
    public void BoundAt_ClipThresholdBelowSchedule_CapsTheBound()
    {
        var options = new CrflOptions { ClipThreshold = 2.5 };
        Assert.Equal(2.1, options.BoundAt(0), 1e-12);
        Assert.Equal(2.5, options.BoundAt(9), 1e-12);
    }

    [Fact]
    public void Read_DatasetWithoutScheduleAndNoClipThreshold_ReportsClipThresholdKey()
    {
        var problems = Problems(a => CrflOptions.Read(a), 10, ("dataset", "cifar10"));
        var p = Assert.Single(problems);
        Assert.Equal("defense_args.clip_threshold", p.Key);
        Assert.Contains("cifar10", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DatasetWithoutScheduleAndClipThreshold_UsesConstantBound()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("dataset", "fashion_mnist"), ("clip_threshold", "7"));
        var options = CrflOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(7, options.BoundAt(0));
        Assert.Equal(7, options.BoundAt(100));
    }

    [Fact]
    public void Read_OwnInterceptAndSlope_ReplaceTheDatasetSchedule()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("dataset", "mnist"), ("norm_bound_intercept", "18"), ("norm_bound_slope", "0.5"));
        var options = CrflOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(18.5, options.BoundAt(0), 1e-12);
        Assert.Equal(23, options.BoundAt(9), 1e-12);
    }

    [Fact]
    public void Read_OwnInterceptOnly_ConstantBoundEvenWithoutDatasetSchedule()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "defense_args", ("dataset", "cifar10"), ("norm_bound_intercept", "30"));
        var options = CrflOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(30, options.BoundAt(0));
        Assert.Equal(30, options.BoundAt(49));
    }

    [Fact]
    public void Read_SlopeWithoutIntercept_ReportsInterceptKey()
    {
        var problems = Problems(a => CrflOptions.Read(a), 10, ("norm_bound_slope", "0.2"));
        var p = Assert.Single(problems);
        Assert.Equal("defense_args.norm_bound_intercept", p.Key);
        Assert.Contains("norm_bound_slope", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInitialModel_ModelFarAboveFirstBound_WarnsNamingInterceptKey()
    {
        // ‖(6, 8)‖ = 10 > 2·2.1.
        var warnings = new CrflDefense(new CrflOptions { Sigma = 0 }).CheckInitialModel(new[] { 6f, 8f }, Fixtures.FlatLayout(2), 10).ToList();
        var w = Assert.Single(warnings);
        Assert.Contains("norm_bound_intercept", w, StringComparison.Ordinal);
        Assert.Contains("10", w, StringComparison.Ordinal);
        Assert.Contains("2.1", w, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInitialModel_NoiseNormAboveBound_WarnsNamingSigma()
    {
        // σ·√d = 0.01·√250 000 = 5 > ρ₁ = 2.1; the model itself (norm 1) is inside the bound.
        int d = 250_000;
        var global = new float[d];
        global[0] = 1;
        var warnings = new CrflDefense(new CrflOptions()).CheckInitialModel(global, Fixtures.FlatLayout(d), 10).ToList();
        var w = Assert.Single(warnings);
        Assert.Contains("defense_args.sigma", w, StringComparison.Ordinal);
        Assert.Contains("= 5,", w, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInitialModel_ModelAndNoiseWithinBound_NoWarning()
    {
        var global = new[] { 0.6f, 0.8f };
        Assert.Empty(new CrflDefense(new CrflOptions()).CheckInitialModel(global, Fixtures.FlatLayout(2), 10));
    }

    [Fact]
    public void Descriptor_Defaults_CreatesAfterAggregationDefense()
    {
        Create<IAfterAggregationDefense>(CrflRegistration.Descriptor, 10);
        Assert.Equal(0.01, CrflOptions.SigmaKey.Default);
    }
}
