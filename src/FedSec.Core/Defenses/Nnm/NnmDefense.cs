using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Nnm;

/// <summary>
/// Nearest-neighbour mixing (Allouah, Farhadkhani, Guerraoui, Gupta, Pinot and Stephan, "Fixing by mixing: A recipe
/// for optimal Byzantine ML under heterogeneity", AISTATS 2023): each update is replaced by the plain mean of its
/// n − f nearest updates (itself included) in Euclidean distance over the trainable parameters; the robust
/// aggregation that follows then sees updates whose spread the Byzantine ones can no longer inflate. The mean
/// covers the whole vector, buffers included. Ties in distance go to the lower input index.
/// </summary>
internal sealed class NnmDefense(NnmOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        int k = Math.Max(1, n - options.ByzantineClientNum);
        if (k == 1)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var distances = Distances(TrainableDeltas.Of(updates, context).Deltas);
        var mixed = new ClientUpdate[n];
        var verdicts = new ClientVerdict[n];
        Parallel.For(0, n, i =>
        {
            var neighbours = Neighbours(distances, i, k);
            mixed[i] = updates[i].WithWeights(WeightedMean.Unweighted(neighbours.Select(j => updates[j].Weights).ToArray(), context.Buffers.Rent));
        });
        for (int i = 0; i < n; i++)
        {
            double spread = Neighbours(distances, i, k).Average(j => distances[i, j]);
            verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Modified, 1, spread);
        }

        return new DefenseOutcome(mixed, verdicts);
    }

    /// <summary>‖Δᵢ − Δⱼ‖ for every pair, each measured directly (Gram-based distances would cancel for near-identical updates).</summary>
    private static double[,] Distances(IReadOnlyList<float[]> deltas)
    {
        var d = PairwiseDistances.SquaredDirect(deltas);
        int n = deltas.Count;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                d[i, j] = Math.Sqrt(d[i, j]);
            }
        }

        return d;
    }

    /// <summary>The k nearest updates to update i, itself first, then by distance and index.</summary>
    internal static int[] Neighbours(double[,] distances, int i, int k) =>
        Enumerable.Range(0, distances.GetLength(0))
            .OrderBy(j => j == i ? 0 : 1).ThenBy(j => distances[i, j]).ThenBy(j => j)
            .Take(k).ToArray();
}
