using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class PartitionersTests
{
    [Fact]
    public void Create_KnownMethods_ReturnsMatchingPartitionerWithParameters()
    {
        Assert.IsType<HomoPartitioner>(Partitioners.Create("homo"));
        var hetero = Assert.IsType<DirichletPartitioner>(Partitioners.Create("HETERO", alpha: 0.3));
        var shards = Assert.IsType<ShardPartitioner>(Partitioners.Create(" shards ", shardsPerClient: 4));

        Assert.Equal(0.3, hetero.Alpha);
        Assert.Equal(4, shards.ShardsPerClient);
    }

    [Fact]
    public void Create_UnknownMethod_ThrowsListingAllowedValues()
    {
        var e = Assert.Throws<ArgumentException>(() => Partitioners.Create("dirichlet"));

        Assert.Contains("'dirichlet'", e.Message, StringComparison.Ordinal);
        Assert.Contains("homo, hetero, shards", e.Message, StringComparison.Ordinal);
    }
}
