using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class ShardPartitionerTests
{
    [Fact]
    public void Partition_TwoShardsPerClient_CoversOnceAndEachClientSeesAtMostTwoClasses()
    {
        var labels = PartitionChecks.BalancedLabels(10, 60);

        var parts = new ShardPartitioner(2).Partition(labels, 10, 10, new Random(11));

        PartitionChecks.CoversExactlyOnce(parts, labels.Length);
        Assert.All(parts, p => Assert.Equal(60, p.Length));
        Assert.All(parts, p => Assert.InRange(p.Select(i => labels[i]).Distinct().Count(), 1, 2));
    }

    [Fact]
    public void Partition_UnevenCount_CoversExactlyOnce()
    {
        var labels = PartitionChecks.BalancedLabels(3, 37).Take(107).ToArray();

        var parts = new ShardPartitioner(3).Partition(labels, 3, 7, new Random(12));

        PartitionChecks.CoversExactlyOnce(parts, labels.Length);
    }

    [Fact]
    public void Partition_SameSeed_SamePartition()
    {
        var labels = PartitionChecks.BalancedLabels(10, 20);

        var a = new ShardPartitioner(2).Partition(labels, 10, 5, new Random(1));
        var b = new ShardPartitioner(2).Partition(labels, 10, 5, new Random(1));
        var c = new ShardPartitioner(2).Partition(labels, 10, 5, new Random(2));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Partition_MoreShardsThanSamples_ThrowsNamingCounts()
    {
        var labels = PartitionChecks.BalancedLabels(2, 5);

        var e = Assert.Throws<ArgumentException>(() => new ShardPartitioner(3).Partition(labels, 2, 4, new Random(0)));

        Assert.Contains("12 shards", e.Message, StringComparison.Ordinal);
        Assert.Contains("10 samples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroShards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardPartitioner(0));
    }
}
