using FedSec.Configuration;

namespace FedSec.Data;

/// <summary>Creates a partitioner from <c>data_args.partition_method</c> and its parameters.</summary>
public static class Partitioners
{
    /// <summary>The partitioner for <paramref name="method"/>.</summary>
    /// <param name="method">IID, Dirichlet label skew or label shards.</param>
    /// <param name="alpha">The Dirichlet α (<c>partition_alpha</c>), used by hetero.</param>
    /// <param name="shardsPerClient">Shards per client (<c>shards_per_client</c>), used by shards.</param>
    /// <exception cref="ArgumentException">A bad parameter of the chosen method.</exception>
    public static IPartitioner Create(PartitionMethod method, double alpha = 0.5, int shardsPerClient = 2) => method switch
    {
        PartitionMethod.Homo => new HomoPartitioner(),
        PartitionMethod.Hetero => new DirichletPartitioner(alpha),
        PartitionMethod.Shards => new ShardPartitioner(shardsPerClient),
        PartitionMethod.Natural => new Text.NaturalGroupPartitioner(),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown partition method."),
    };
}
