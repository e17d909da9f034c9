using FedSec.Attacks.LabelFlipping;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.LabelFlipping;

public class LabelFlippingOptionsTests
{
    private static ComponentArgs Args(int total, params (string, object?)[] values) => Fixtures.Args(new ExperimentShape(total, total, 5), "attack_args", values);

    [Fact]
    public void Read_FedMLKeys_PairsAndCount()
    {
        var args = Args(10, ("original_class_list", new object?[] { "3", "2" }), ("target_class_list", new object?[] { "9", "1" }), ("ratio_of_poisoned_client", "0.25"));
        var options = LabelFlippingOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(new[] { new LabelFlip(3, 9), new LabelFlip(2, 1) }, options.Flips);

        // round(0.25 × 10) = 2.5 → 3 (halves away from zero).
        Assert.Equal(3, options.ClientNum);
    }

    [Fact]
    public void Read_DefaultRatio_OneOfTen()
    {
        var args = Args(10, ("original_class_list", "3"), ("target_class_list", "9"));
        Assert.Equal(1, LabelFlippingOptions.Read(args).ClientNum);
        Assert.Empty(args.Problems);
    }

    [Fact]
    public void Read_LengthsDiffer_ReportsTargetList()
    {
        var args = Args(10, ("original_class_list", "3,2"), ("target_class_list", "9"));
        LabelFlippingOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.target_class_list", problem.Key);
        Assert.Contains("pair up", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoSources_ReportsOriginalList()
    {
        var args = Args(10);
        LabelFlippingOptions.Read(args);
        Assert.Equal("attack_args.original_class_list", Assert.Single(args.Problems).Key);
    }

    [Fact]
    public void Read_DuplicateSourceAndSelfMap_BothReported()
    {
        var args = Args(10, ("original_class_list", "3,3,4"), ("target_class_list", "9,8,4"));
        LabelFlippingOptions.Read(args);
        Assert.Contains(args.Problems, p => p.Key == "attack_args.original_class_list" && p.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(args.Problems, p => p.Key == "attack_args.target_class_list" && p.Message.Contains("itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NegativeClass_ReportsOriginalList()
    {
        var args = Args(10, ("original_class_list", "-1"), ("target_class_list", "9"));
        LabelFlippingOptions.Read(args);
        Assert.Contains(args.Problems, p => p.Key == "attack_args.original_class_list");
    }

    [Fact]
    public void Read_RatioRoundsToNoClient_ReportsRatio()
    {
        var args = Args(10, ("original_class_list", "3"), ("target_class_list", "9"), ("ratio_of_poisoned_client", "0.01"));
        LabelFlippingOptions.Read(args);
        Assert.Equal("attack_args.ratio_of_poisoned_client", Assert.Single(args.Problems).Key);
    }
}
