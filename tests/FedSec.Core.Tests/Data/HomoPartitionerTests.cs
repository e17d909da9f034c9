using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class HomoPartitionerTests
{
    [Fact]
    public void Partition_103SamplesTo10Clients_CoversOnceWithSizesDifferingByAtMostOne()
    {
        var labels = PartitionChecks.BalancedLabels(1, 103);

        var parts = new HomoPartitioner().Partition(labels, 1, 10, new Random(3));

        PartitionChecks.CoversExactlyOnce(parts, 103);
        Assert.Equal(3, parts.Count(p => p.Length == 11));
        Assert.Equal(7, parts.Count(p => p.Length == 10));
    }

    [Fact]
    public void Partition_SameSeed_SamePartition()
    {
        var labels = PartitionChecks.BalancedLabels(10, 50);

        var a = new HomoPartitioner().Partition(labels, 10, 7, new Random(5));
        var b = new HomoPartitioner().Partition(labels, 10, 7, new Random(5));
        var c = new HomoPartitioner().Partition(labels, 10, 7, new Random(6));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Partition_ManySamples_LabelDistributionsStayCloseToGlobal()
    {
        var labels = PartitionChecks.BalancedLabels(10, 1000);

        var parts = new HomoPartitioner().Partition(labels, 10, 10, new Random(7));

        Assert.True(PartitionChecks.MeanTotalVariation(parts, labels, 10) < 0.05);
    }

    [Fact]
    public void Partition_MoreClientsThanSamples_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new HomoPartitioner().Partition([0, 1, 0], 2, 4, new Random(0)));

        Assert.Contains("4 clients", e.Message, StringComparison.Ordinal);
    }
}
