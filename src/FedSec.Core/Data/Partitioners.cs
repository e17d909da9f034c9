namespace FedSec.Data;

/// <summary>Creates a partitioner from <c>data_args.partition_method</c> and its parameters.</summary>
public static class Partitioners
{
    /// <summary>IID split (<see cref="HomoPartitioner"/>).</summary>
    public const string Homo = "homo";

    /// <summary>Dirichlet label skew (<see cref="DirichletPartitioner"/>).</summary>
    public const string Hetero = "hetero";

    /// <summary>Label shards (<see cref="ShardPartitioner"/>).</summary>
    public const string Shards = "shards";

    /// <summary>The accepted values of <c>partition_method</c>.</summary>
    public static IReadOnlyList<string> Methods { get; } = [Homo, Hetero, Shards];

    /// <summary>The partitioner for <paramref name="method"/> (case-insensitive).</summary>
    /// <param name="method">homo, hetero or shards.</param>
    /// <param name="alpha">The Dirichlet α (<c>partition_alpha</c>), used by hetero.</param>
    /// <param name="shardsPerClient">Shards per client (<c>shards_per_client</c>), used by shards.</param>
    /// <exception cref="ArgumentException">An unknown method (the message lists the allowed ones), or a bad parameter of the chosen one.</exception>
    public static IPartitioner Create(string method, double alpha = 0.5, int shardsPerClient = 2) =>
        method?.Trim().ToLowerInvariant() switch
        {
            Homo => new HomoPartitioner(),
            Hetero => new DirichletPartitioner(alpha),
            Shards => new ShardPartitioner(shardsPerClient),
            _ => throw new ArgumentException(
                $"Unknown partition_method '{method}'; allowed values: {string.Join(", ", Methods)}.", nameof(method)),
        };
}
