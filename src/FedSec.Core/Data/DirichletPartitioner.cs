using FedSec.Randomness;

namespace FedSec.Data;

/// <summary>
/// Dirichlet label skew, FedML's <c>partition_method: hetero</c> (after Yurochkin et al., "Bayesian nonparametric
/// federated learning of neural networks", ICML 2019, and Hsu, Qi and Brown, "Measuring the effects of non-identical
/// data distribution for federated visual classification", 2019). For each class in turn: shuffle its samples, draw
/// p ~ Dir(α, ..., α) over the clients, zero the share of every client that already holds at least N / clients samples
/// (FedML's balancing step), renormalize, and cut the class at the cumulative proportions. The whole draw is repeated
/// until every client has at least <see cref="MinSamplesPerClient"/> samples (FedML's <c>min_require_size</c> = 10).
/// Small α gives clients few classes; large α approaches the IID split.
/// </summary>
public sealed class DirichletPartitioner : IPartitioner
{
    /// <summary>Creates the partitioner.</summary>
    /// <param name="alpha">The Dirichlet concentration (<c>data_args.partition_alpha</c>); positive.</param>
    /// <param name="minSamplesPerClient">Samples each client must get; FedML uses 10.</param>
    /// <param name="maxAttempts">How many full draws to try before giving up.</param>
    public DirichletPartitioner(double alpha, int minSamplesPerClient = 10, int maxAttempts = 1000)
    {
        if (!(alpha > 0) || double.IsInfinity(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "partition_alpha must be a positive finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(minSamplesPerClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        Alpha = alpha;
        MinSamplesPerClient = minSamplesPerClient;
        MaxAttempts = maxAttempts;
    }

    /// <summary>The Dirichlet concentration α.</summary>
    public double Alpha { get; }

    /// <summary>Samples each client must get.</summary>
    /// <value>The default value is 10, as in FedML.</value>
    public int MinSamplesPerClient { get; }

    /// <summary>How many full draws are tried before giving up.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxAttempts { get; }

    /// <inheritdoc />
    public int[][] Partition(int[] labels, int classCount, int clientCount, Random rng)
    {
        PartitionArguments.Validate(labels, classCount, clientCount, rng);
        long needed = (long)MinSamplesPerClient * clientCount;
        if (needed > labels.Length)
        {
            throw new ArgumentException(
                $"The Dirichlet partition gives each client at least {MinSamplesPerClient} samples, which needs {needed} samples for "
                + $"{clientCount} clients; there are only {labels.Length}. Use fewer clients.",
                nameof(clientCount));
        }

        var byClass = PartitionArguments.IndicesByClass(labels, classCount);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var clients = Draw(byClass, labels.Length, clientCount, rng);
            if (clients.Min(c => c.Count) >= MinSamplesPerClient)
            {
                return clients.Select(c =>
                {
                    var indices = c.ToArray();
                    rng.Shuffle(indices.AsSpan());
                    return indices;
                }).ToArray();
            }
        }

        throw new ArgumentException(
            $"The Dirichlet partition with partition_alpha = {Alpha} did not give every one of {clientCount} clients at least "
            + $"{MinSamplesPerClient} samples in {MaxAttempts} draws; raise partition_alpha or use fewer clients.",
            nameof(labels));
    }

    private List<int>[] Draw(int[][] byClass, int total, int clientCount, Random rng)
    {
        var clients = Enumerable.Range(0, clientCount).Select(_ => new List<int>()).ToArray();
        double fairShare = (double)total / clientCount;
        foreach (int[] members in byClass)
        {
            int[] shuffled = (int[])members.Clone();
            rng.Shuffle(shuffled.AsSpan());
            double[] drawn = rng.NextDirichlet(Alpha, clientCount);
            double[] p = (double[])drawn.Clone();
            for (int j = 0; j < clientCount; j++)
            {
                if (clients[j].Count >= fairShare)
                {
                    p[j] = 0;
                }
            }

            double sum = p.Sum();
            if (!(sum > 0))
            {
                // Every client still below its fair share drew a zero share (possible for tiny α, where numpy would
                // divide by zero); fall back to the unbalanced draw, which always sums to 1.
                p = drawn;
                sum = 1;
            }

            double cumulative = 0;
            int start = 0;
            for (int j = 0; j < clientCount; j++)
            {
                cumulative += p[j] / sum;
                int end = j == clientCount - 1 ? shuffled.Length : Math.Clamp((int)(cumulative * shuffled.Length), start, shuffled.Length);
                clients[j].AddRange(shuffled.AsSpan(start, end - start));
                start = end;
            }
        }

        return clients;
    }
}
