namespace FedSec.Data;

/// <summary>
/// Splits a training set among clients by label (the data-side half of a federated experiment). Pure: the result
/// depends only on the arguments, and all randomness comes from <c>rng</c>.
/// </summary>
public interface IPartitioner
{
    /// <summary>
    /// The sample indices of each client: an array of <paramref name="clientCount"/> arrays, together holding every
    /// index of <paramref name="labels"/> exactly once.
    /// </summary>
    /// <param name="labels">The label of each training sample, in 0..<paramref name="classCount"/>−1.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="clientCount">Number of clients (<c>client_num_in_total</c>).</param>
    /// <param name="rng">The only source of randomness (e.g. <c>SeedStreams.Random("partition")</c>).</param>
    /// <exception cref="ArgumentException">A label is out of range, or the samples cannot be split as asked; the message says why.</exception>
    int[][] Partition(int[] labels, int classCount, int clientCount, Random rng);
}
