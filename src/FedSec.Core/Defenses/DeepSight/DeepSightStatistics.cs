using FedSec.Aggregation;
using FedSec.Defenses.Common;

namespace FedSec.Defenses.DeepSight;

/// <summary>
/// DeepSight's measurements (Rieger, Nguyen, Miettinen and Sadeghi, NDSS 2022, section IV): the Normalized Update
/// Energies of the output layer (NEUPs), their Threshold Exceedings, the suspicious labelling, the Division Differences
/// (DDifs) on random inputs, and the ensemble of clusterings whose co-membership becomes the final distance. Pure maths on
/// arrays, so that each step is checked on hand-computed cases.
/// </summary>
public static class DeepSightStatistics
{
    /// <summary>
    /// Added to the global model's probability in a DDif's denominator so that a class the global model gives
    /// probability 0 (a float underflow) does not divide by zero; the reference implementation uses the same 1e-6.
    /// </summary>
    public const double DdifEpsilon = 1e-6;

    /// <summary>HDBSCAN's <c>min_samples</c> in every clustering (the reference implementations' 3).</summary>
    public const int MinSamples = 3;

    /// <summary>
    /// NEUPs of one model: for output neuron j, the update energy εⱼ = |Δbⱼ| + Σₖ |ΔWⱼₖ|, squared and normalised,
    /// NEUPⱼ = εⱼ² / Σₗ εₗ² (all zero when the layer did not change).
    /// </summary>
    /// <param name="weightDelta">ΔW, classes × features, row-major.</param>
    /// <param name="biasDelta">Δb, one per class.</param>
    public static double[] Neups(ReadOnlySpan<float> weightDelta, ReadOnlySpan<float> biasDelta)
    {
        int classes = biasDelta.Length;
        if (classes == 0 || weightDelta.Length % classes != 0)
        {
            throw new ArgumentException($"The output layer's weight update has {weightDelta.Length} elements, not a multiple of its {classes} biases.", nameof(weightDelta));
        }

        int features = weightDelta.Length / classes;
        var energy = new double[classes];
        double total = 0;
        for (int j = 0; j < classes; j++)
        {
            double e = Math.Abs((double)biasDelta[j]);
            var row = weightDelta.Slice(j * features, features);
            for (int k = 0; k < row.Length; k++)
            {
                e += Math.Abs((double)row[k]);
            }

            energy[j] = e * e;
            total += energy[j];
        }

        if (total > 0)
        {
            for (int j = 0; j < classes; j++)
            {
                energy[j] /= total;
            }
        }

        return energy;
    }

    /// <summary>
    /// Threshold Exceedings of one model: the number of NEUPs greater than max(<paramref name="factor"/>, 1/P) × the
    /// largest NEUP, P the number of classes.
    /// </summary>
    public static int ThresholdExceedings(IReadOnlyList<double> neups, double factor)
    {
        ArgumentNullException.ThrowIfNull(neups);
        if (neups.Count == 0)
        {
            return 0;
        }

        double threshold = Math.Max(factor, 1.0 / neups.Count) * neups.Max();
        return neups.Count(v => v > threshold);
    }

    /// <summary>
    /// The suspicious labels: a model whose threshold exceedings are at most half the median of all models' is suspicious
    /// (a backdoor concentrates the output layer's update on few labels).
    /// </summary>
    public static bool[] Suspicious(IReadOnlyList<int> exceedings)
    {
        ArgumentNullException.ThrowIfNull(exceedings);
        if (exceedings.Count == 0)
        {
            return Array.Empty<bool>();
        }

        double boundary = ScalarMedian.Of(exceedings.Select(t => (double)t).ToArray()) / 2;
        return exceedings.Select(t => t <= boundary).ToArray();
    }

    /// <summary>
    /// Adds one batch's contribution to a model's DDif sums: for each input x and class k, p_model(x)ₖ / (p_G(x)ₖ + ε).
    /// Divide the sums by the number of inputs to get DDifₖ = (1/N) Σₓ p_model(x)ₖ / p_G(x)ₖ.
    /// </summary>
    public static void AccumulateDdif(IReadOnlyList<float[]> model, IReadOnlyList<float[]> global, double[] sums)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(sums);
        if (model.Count != global.Count)
        {
            throw new ArgumentException($"{model.Count} model outputs for {global.Count} global outputs.", nameof(model));
        }

        for (int x = 0; x < model.Count; x++)
        {
            for (int k = 0; k < sums.Length; k++)
            {
                sums[k] += model[x][k] / (global[x][k] + DdifEpsilon);
            }
        }
    }

    /// <summary>Euclidean distances between rows.</summary>
    public static double[,] EuclideanDistances(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.Count;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < rows[i].Length; k++)
                {
                    double diff = rows[i][k] - rows[j][k];
                    s += diff * diff;
                }

                d[i, j] = d[j, i] = Math.Sqrt(s);
            }
        }

        return d;
    }

    /// <summary>Cosine distances 1 − cos between rows (a zero row is at distance 1 from every other), clamped to [0, 2].</summary>
    public static double[,] CosineDistances(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int n = rows.Count;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                d[i, j] = d[j, i] = Math.Clamp(1 - CosineSimilarity.Of(rows[i], rows[j]), 0, 2);
            }
        }

        return d;
    }

    /// <summary>
    /// The co-membership distance of one clustering: 0 for two models in the same cluster, 1 otherwise; a point HDBSCAN
    /// calls noise is a cluster of its own (the paper treats each outlier as its own cluster).
    /// </summary>
    public static double[,] ClusterDistances(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int n = labels.Count;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool same = i == j || (labels[i] != Hdbscan.Noise && labels[i] == labels[j]);
                d[i, j] = same ? 0 : 1;
            }
        }

        return d;
    }

    /// <summary>
    /// The ensemble distance: the mean of (the mean of the DDif clusterings' distances over the seeds), the NEUP
    /// clustering's and the cosine clustering's, as in the reference implementation.
    /// </summary>
    public static double[,] EnsembleDistances(IReadOnlyList<double[,]> ddifClusterings, double[,] neupClustering, double[,] cosineClustering)
    {
        ArgumentNullException.ThrowIfNull(ddifClusterings);
        ArgumentNullException.ThrowIfNull(neupClustering);
        ArgumentNullException.ThrowIfNull(cosineClustering);
        int n = neupClustering.GetLength(0);
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double ddif = ddifClusterings.Count == 0 ? 0 : ddifClusterings.Average(c => c[i, j]);
                d[i, j] = (ddif + neupClustering[i, j] + cosineClustering[i, j]) / 3;
            }
        }

        return d;
    }

    /// <summary>
    /// HDBSCAN labels for DeepSight's clusterings (min_samples 3); with fewer than <paramref name="minClusterSize"/>
    /// models every model is noise, i.e. its own cluster.
    /// </summary>
    public static int[] Cluster(double[,] distances, int minClusterSize, bool allowSingleCluster)
    {
        ArgumentNullException.ThrowIfNull(distances);
        return Hdbscan.Cluster(distances, minClusterSize, MinSamples, allowSingleCluster);
    }

    /// <summary>
    /// Which models the poisoned-cluster identification accepts: every model of a cluster in which fewer than
    /// τ × its size are suspicious (noise points are clusters of one).
    /// </summary>
    public static bool[] Accepted(IReadOnlyList<int> labels, IReadOnlyList<bool> suspicious, double tau)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(suspicious);
        int n = labels.Count;
        var accepted = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var members = labels[i] == Hdbscan.Noise ? new[] { i } : Enumerable.Range(0, n).Where(j => labels[j] == labels[i]).ToArray();
            int bad = members.Count(j => suspicious[j]);
            accepted[i] = bad < tau * members.Length;
        }

        return accepted;
    }
}
