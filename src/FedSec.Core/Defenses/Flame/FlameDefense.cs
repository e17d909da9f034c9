using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Defenses.Flame;

/// <summary>
/// FLAME (Nguyen et al., "FLAME: Taming backdoors in federated learning", USENIX Security 2022). Before aggregation:
/// HDBSCAN over the pairwise cosine distances of the updates Δᵢ, with minimum cluster size n/2 + 1, min_samples 1
/// and a single cluster allowed, keeps the majority cluster (everything else, HDBSCAN's noise included, is
/// removed); the kept updates are clipped to S, the median of all n update norms. After aggregation: Gaussian
/// noise N(0, (λ·S)²) on every trainable parameter of the new global model (buffers such as BatchNorm variances
/// are left alone: noise could make them negative). The instance remembers S between its two stages.
/// </summary>
internal sealed class FlameDefense : IBeforeAggregationDefense, IAfterAggregationDefense
{
    private readonly FlameOptions _options;
    private (int Round, double S)? _bound;

    public FlameDefense(FlameOptions options) => _options = options;

    /// <summary>S of the last round FLAME filtered (for tests and reports).</summary>
    public double? LastBound => _bound?.S;

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var deltas = TrainableDeltas.Of(updates, context);
        var norms = VectorNorms.L2(deltas.Deltas);
        double s = ScalarMedian.Of(norms);
        _bound = (context.Round, s);

        var keep = MajorityCluster(deltas.Deltas);
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            if (!keep[i])
            {
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Removed, 0, norms[i]);
            }
            else if (norms[i] > s)
            {
                kept.Add(deltas.Scaled(u, i, s / norms[i]));
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Modified, 1, norms[i]);
            }
            else
            {
                kept.Add(u);
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Kept, 1, norms[i]);
            }
        }

        return new DefenseOutcome(kept, verdicts);
    }

    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        if (_bound is not { } b || b.Round != context.Round)
        {
            throw new InvalidOperationException(
                $"FLAME adds noise scaled by the clipping bound of its own before-aggregation step, which did not run in round {context.Round}; FLAME must run at both stages.");
        }

        double sigma = _options.Lambda * b.S;
        if (sigma == 0)
        {
            return global;
        }

        var rng = context.Random("flame-noise");
        foreach (var e in context.Layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            var slice = ParameterLayout.Slice(global, e);
            for (int j = 0; j < slice.Length; j++)
            {
                slice[j] += (float)(sigma * rng.NextGaussian());
            }
        }

        return global;
    }

    /// <summary>Which updates HDBSCAN puts in the largest cluster (all of them when there are fewer than three).</summary>
    internal static bool[] MajorityCluster(IReadOnlyList<float[]> deltas)
    {
        int n = deltas.Count;
        if (n < 3)
        {
            return Enumerable.Repeat(true, n).ToArray();
        }

        var similarity = CosineSimilarity.Matrix(deltas);
        var distance = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                distance[i, j] = i == j ? 0 : Math.Max(0, 1 - similarity[i, j]);
            }
        }

        var labels = Hdbscan.Cluster(distance, (n / 2) + 1, minSamples: 1, allowSingleCluster: true);
        var majority = labels.Where(l => l != Hdbscan.Noise).GroupBy(l => l)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        return majority is int m ? labels.Select(l => l == m).ToArray() : Enumerable.Repeat(true, n).ToArray();
    }
}
