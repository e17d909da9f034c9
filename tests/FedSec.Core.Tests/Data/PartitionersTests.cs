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

    [Theory]
    [InlineData("homo", PartitionMethod.Homo)]
    [InlineData("HETERO", PartitionMethod.Hetero)]
    [InlineData(" shards ", PartitionMethod.Shards)]
    public void PartitionMethodKey_WordInAnyCase_ParsesOnceToTheMethod(string word, PartitionMethod expected)
    {
        Assert.True(EngineParameters.PartitionMethod.TryParse(word, out var method, out _));
        Assert.Equal(expected, method);
    }

    [Fact]
    public void PartitionMethodKey_UnknownWord_ErrorListsAllowedValues()
    {
        Assert.False(EngineParameters.PartitionMethod.TryParse("dirichlet", out _, out var error));

        Assert.Contains("'dirichlet'", error, StringComparison.Ordinal);
        Assert.Contains("homo | hetero | shards", error, StringComparison.Ordinal);
    }
}
