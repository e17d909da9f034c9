using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class DirichletPartitionerTests
{
    private static readonly int[] Labels = PartitionChecks.BalancedLabels(classCount: 10, perClass: 300);

    [Theory]
    [InlineData(100.0)]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void Partition_AnyAlpha_CoversEverySampleExactlyOnce(double alpha)
    {
        var parts = new DirichletPartitioner(alpha).Partition(Labels, 10, 10, new Random(1));

        Assert.Equal(10, parts.Length);
        PartitionChecks.CoversExactlyOnce(parts, Labels.Length);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void Partition_SmallAlpha_GivesEveryClientAtLeastTenSamples(double alpha)
    {
        var parts = new DirichletPartitioner(alpha).Partition(Labels, 10, 20, new Random(2));

        Assert.All(parts, p => Assert.True(p.Length >= 10, $"a client got {p.Length} samples"));
    }

    [Fact]
    public void Partition_ShrinkingAlpha_SkewsLabelsMonotonically()
    {
        // Averaged over a few seeds so the comparison measures α, not one draw.
        double Skew(double alpha) => Enumerable.Range(0, 5).Average(seed =>
            PartitionChecks.MeanTotalVariation(new DirichletPartitioner(alpha).Partition(Labels, 10, 10, new Random(seed)), Labels, 10));

        double iidLike = Skew(100), moderate = Skew(0.5), strong = Skew(0.1);

        Assert.True(iidLike < moderate, $"TV at α=100 ({iidLike:0.000}) should be below α=0.5 ({moderate:0.000}).");
        Assert.True(moderate < strong, $"TV at α=0.5 ({moderate:0.000}) should be below α=0.1 ({strong:0.000}).");
        Assert.True(iidLike < 0.15, $"α=100 should be close to IID, TV {iidLike:0.000}.");
        Assert.True(strong > 0.5, $"α=0.1 should be strongly skewed, TV {strong:0.000}.");
    }

    [Fact]
    public void Partition_SameSeed_SamePartition()
    {
        var p = new DirichletPartitioner(0.5);

        var a = p.Partition(Labels, 10, 10, new Random(42));
        var b = p.Partition(Labels, 10, 10, new Random(42));
        var c = p.Partition(Labels, 10, 10, new Random(43));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Partition_TooFewSamplesForMinimum_ThrowsSayingHowMany()
    {
        var labels = PartitionChecks.BalancedLabels(2, 20); // 40 samples, 5 clients need 50

        var e = Assert.Throws<ArgumentException>(() => new DirichletPartitioner(0.5).Partition(labels, 2, 5, new Random(0)));

        Assert.Contains("50", e.Message, StringComparison.Ordinal);
        Assert.Contains("40", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_MinimumUnreachableWithinAttempts_ThrowsNamingAlpha()
    {
        // One class and a tiny α: each draw hands almost the whole class to one client, so 3 clients of ≥ 10 never happen.
        var labels = new int[30];

        var e = Assert.Throws<ArgumentException>(() =>
            new DirichletPartitioner(0.001, maxAttempts: 5).Partition(labels, 1, 3, new Random(0)));

        Assert.Contains("partition_alpha = 0.001", e.Message, StringComparison.Ordinal);
        Assert.Contains("5 draws", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partition_LabelOutOfRange_Throws()
    {
        int[] labels = [0, 1, 2, 10];

        var e = Assert.Throws<ArgumentException>(() => new DirichletPartitioner(1, minSamplesPerClient: 1).Partition(labels, 10, 2, new Random(0)));

        Assert.Contains("Label 10 of sample 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_NonPositiveAlpha_Throws(double alpha)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirichletPartitioner(alpha));
    }
}
