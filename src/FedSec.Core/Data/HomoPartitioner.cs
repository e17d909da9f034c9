using FedSec.Randomness;

namespace FedSec.Data;

/// <summary>
/// The IID partition (FedML's <c>partition_method: homo</c>): shuffle all indices, then cut them into
/// <c>clientCount</c> parts of near-equal size (sizes differ by at most one).
/// </summary>
public sealed class HomoPartitioner : IPartitioner
{
    /// <inheritdoc />
    public int[][] Partition(int[] labels, int classCount, int clientCount, Random rng)
    {
        PartitionArguments.Validate(labels, classCount, clientCount, rng);
        return PartitionArguments.SplitEvenly(rng.Permutation(labels.Length), clientCount);
    }
}
