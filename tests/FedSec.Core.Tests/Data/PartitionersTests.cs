using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class PartitionersTests
{
    [Fact]
    public void Create_EachMethod_ReturnsMatchingPartitionerWithParameters()
    {
        Assert.IsType<HomoPartitioner>(Partitioners.Create(PartitionMethod.Homo));
        var hetero = Assert.IsType<DirichletPartitioner>(Partitioners.Create(PartitionMethod.Hetero, alpha: 0.3));
        var shards = Assert.IsType<ShardPartitioner>(Partitioners.Create(PartitionMethod.Shards, shardsPerClient: 4));

        Assert.Equal(0.3, hetero.Alpha);
        Assert.Equal(4, shards.ShardsPerClient);
    }
}
