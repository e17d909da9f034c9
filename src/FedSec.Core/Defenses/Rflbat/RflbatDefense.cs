using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;
using MathNet.Numerics.LinearAlgebra;

namespace FedSec.Defenses.Rflbat;

/// <summary>
/// RFLBAT (Wang, Zhai, Zhang, Liu, Li, Zhang and Li, "RFLBAT: A robust federated learning algorithm against backdoor
/// attack", arXiv 2201.03772, 2022). On the updates Δᵢ = wᵢ − G (trainable parameters):
/// <list type="number">
/// <item>PCA: the centred updates projected on their top <c>rflbat_components</c> principal directions (from the
/// eigendecomposition of the centred n × n Gram matrix, MathNet.Numerics);</item>
/// <item>first filter: eᵢ = Σⱼ ‖xᵢ − xⱼ‖ in PCA space; keep eᵢ &lt; ε₁·median(e);</item>
/// <item>k-means of the kept points, k by the gap statistic (<see cref="GapStatistic"/>, <see cref="KMeans"/>);</item>
/// <item>for each cluster, the median over its members of their mean cosine similarity to the cluster's members
/// (themselves included; 1 for a cluster of one), over the full updates: the cluster with the lowest is chosen
/// (backdoor updates resemble each other more than honest ones do);</item>
/// <item>second filter inside the chosen cluster: eᵢ recomputed among its members, keep eᵢ &lt; ε₂·median.</item>
/// </list>
/// Clients outside the result are removed. The verdict's score is the first filter's eᵢ. With fewer than three updates
/// everyone is kept.
/// </summary>
internal sealed class RflbatDefense(RflbatOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        if (n < 3)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var deltas = TrainableDeltas.Of(updates, context);
        var points = Project(deltas.Deltas, options.Components);
        var all = Enumerable.Range(0, n).ToArray();
        var spread = DistanceSums(points, all);
        double median = ScalarMedian.Of(spread);
        var accepted = all.Where(i => spread[i] < options.Epsilon1 * median).ToArray();
        if (accepted.Length == 0)
        {
            accepted = all;
        }

        var rng = context.Random("rflbat-kmeans");
        var chosen = accepted;
        if (accepted.Length >= 2)
        {
            var acceptedPoints = accepted.Select(i => points[i]).ToArray();
            int k = GapStatistic.Estimate(acceptedPoints, Math.Min(options.MaxClusters, accepted.Length), options.GapSamples, rng);
            if (k >= 2)
            {
                var labels = KMeans.Cluster(acceptedPoints, k, rng).Labels;
                chosen = LeastSimilarCluster(deltas.Deltas, accepted, labels, k);
            }
        }

        var final = SecondFilter(points, chosen, options.Epsilon2);

        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            if (final.Contains(i))
            {
                kept.Add(updates[i]);
                verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Kept, 1, spread[i]);
            }
            else
            {
                verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Removed, 0, spread[i]);
            }
        }

        return new DefenseOutcome(kept, verdicts);
    }

    /// <summary>The PCA scores of the vectors on their top <paramref name="components"/> principal directions.</summary>
    internal static double[][] Project(IReadOnlyList<float[]> vectors, int components)
    {
        int n = vectors.Count;
        var upper = GramMatrix.Centered(vectors, out int stride);
        if (!Array.TrueForAll(upper, double.IsFinite))
        {
            // The float kernel overflowed (an update beyond ~1e18 a coordinate, as a boosted AlterMin update can grow):
            // the eigendecomposition of a non-finite matrix fails, so the centred Gram matrix is taken from the pairwise
            // distances, which fall back to exact double differences there.
            upper = CenteredGram(PairwiseDistances.Squared(vectors));
            stride = n;
        }

        var gram = Matrix<double>.Build.Dense(n, n, (i, j) => i <= j ? upper[(i * stride) + j] : upper[(j * stride) + i]);
        var evd = gram.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderByDescending(c => evd.EigenValues[c].Real).ThenBy(c => c).Take(Math.Min(components, n)).ToArray();
        return Enumerable.Range(0, n).Select(i => order.Select(c =>
            evd.EigenVectors[i, c] * Math.Sqrt(Math.Max(0, evd.EigenValues[c].Real))).ToArray()).ToArray();
    }

    /// <summary>The centred Gram matrix from squared distances (classical MDS): G = −½ J D J, J = I − 11ᵀ/n; row-major n × n.</summary>
    private static double[] CenteredGram(double[,] squared)
    {
        int n = squared.GetLength(0);
        var rowMeans = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                rowMeans[i] += squared[i, j] / n;
            }

            total += rowMeans[i] / n;
        }

        var gram = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                gram[(i * n) + j] = -0.5 * (squared[i, j] - rowMeans[i] - rowMeans[j] + total);
            }
        }

        return gram;
    }

    /// <summary>
    /// The second filter: the members of <paramref name="chosen"/> whose distance sum among them is below ε₂ times their
    /// median (all when that median is 0). ε₂ ≤ 1 can remove the whole cluster (two points have equal sums, none below
    /// ε₂ × their median; 0, 1, 2 with ε₂ = 0.5): then it is kept, as the first filter keeps everyone when it would remove
    /// everyone (an empty round would stop the run).
    /// </summary>
    internal static HashSet<int> SecondFilter(IReadOnlyList<double[]> points, int[] chosen, double epsilon2)
    {
        var second = DistanceSums(points, chosen);
        double secondMedian = ScalarMedian.Of(chosen.Select(i => second[i]).ToArray());
        var final = chosen.Where(i => second[i] < epsilon2 * secondMedian || secondMedian == 0).ToHashSet();
        return final.Count == 0 ? chosen.ToHashSet() : final;
    }

    /// <summary>For each member i of <paramref name="members"/>, Σⱼ ‖xᵢ − xⱼ‖ over the other members (by client index; 0 for non-members).</summary>
    internal static double[] DistanceSums(IReadOnlyList<double[]> points, IReadOnlyList<int> members)
    {
        var sums = new double[points.Count];
        foreach (int i in members)
        {
            foreach (int j in members)
            {
                if (i != j)
                {
                    sums[i] += Math.Sqrt(points[i].Zip(points[j], (a, b) => (a - b) * (a - b)).Sum());
                }
            }
        }

        return sums;
    }

    /// <summary>The members of the cluster whose median mean cosine similarity is lowest (the first of equals).</summary>
    private static int[] LeastSimilarCluster(IReadOnlyList<float[]> deltas, int[] accepted, int[] labels, int k)
    {
        int[]? best = null;
        double bestValue = double.PositiveInfinity;
        for (int c = 0; c < k; c++)
        {
            var members = accepted.Where((_, p) => labels[p] == c).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            double value = 1;
            if (members.Length > 1)
            {
                var similarity = CosineSimilarity.Matrix(members.Select(i => deltas[i]).ToArray());
                var means = Enumerable.Range(0, members.Length)
                    .Select(a => Enumerable.Range(0, members.Length).Average(b => similarity[a, b])).ToArray();
                value = ScalarMedian.Of(means);
            }

            if (value < bestValue)
            {
                bestValue = value;
                best = members;
            }
        }

        return best ?? accepted;
    }
}
