using FedSec.Randomness;

namespace FedSec.Data;

/// <summary>
/// The label-shard partition of McMahan et al., "Communication-efficient learning of deep networks from decentralized
/// data" (AISTATS 2017): sort the samples by label, cut them into <c>clientCount × shardsPerClient</c> contiguous
/// shards of near-equal size, and deal the shards out at random, <see cref="ShardsPerClient"/> to each client.
/// With two shards per client most clients see only two classes.
/// </summary>
public sealed class ShardPartitioner : IPartitioner
{
    /// <summary>Creates the partitioner.</summary>
    /// <param name="shardsPerClient">Shards each client receives (<c>data_args.shards_per_client</c>); at least 1.</param>
    public ShardPartitioner(int shardsPerClient)
    {
        if (shardsPerClient < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(shardsPerClient), shardsPerClient, "shards_per_client must be at least 1.");
        }

        ShardsPerClient = shardsPerClient;
    }

    /// <summary>Shards each client receives.</summary>
    public int ShardsPerClient { get; }

    /// <inheritdoc />
    public int[][] Partition(int[] labels, int classCount, int clientCount, Random rng)
    {
        PartitionArguments.Validate(labels, classCount, clientCount, rng);
        long shardCount = (long)clientCount * ShardsPerClient;
        if (shardCount > labels.Length)
        {
            throw new ArgumentException(
                $"{clientCount} clients × {ShardsPerClient} shards per client = {shardCount} shards, more than the {labels.Length} samples; "
                + "lower shards_per_client or the number of clients.",
                nameof(clientCount));
        }

        // Stable sort by label: within a class, samples keep their original order.
        int[] sorted = PartitionArguments.IndicesByClass(labels, classCount).SelectMany(c => c).ToArray();
        int[][] shards = PartitionArguments.SplitEvenly(sorted, (int)shardCount);
        int[] deal = rng.Permutation((int)shardCount);
        var result = new int[clientCount][];
        for (int c = 0; c < clientCount; c++)
        {
            result[c] = deal.AsSpan(c * ShardsPerClient, ShardsPerClient).ToArray().SelectMany(s => shards[s]).ToArray();
        }

        return result;
    }
}
