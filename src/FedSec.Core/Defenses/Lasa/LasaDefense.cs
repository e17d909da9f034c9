using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Lasa;

/// <summary>
/// LASA (Xu, Zhang, Zhang, Hu, Wang and Xu, "Achieving Byzantine-resilient federated learning via layer-adaptive
/// sparsified model aggregation", WACV 2025; arXiv 2409.01435, 2024). An aggregation rule over the updates
/// Δᵢ = wᵢ − G (trainable parameters):
/// <list type="number">
/// <item>each Δᵢ is clipped to the median update norm of the round (the aggregated values);</item>
/// <item>each Δᵢ is sparsified (top-k by magnitude over its weight matrices and kernels, a <c>lasa_sparsity</c>
/// fraction zeroed; tensors of one dimension are left whole) — the sparsified updates are what the filters measure;</item>
/// <item>per layer l, the magnitude filter keeps client i when MZ(‖Δᵢˡ‖) &lt; λ_n and the direction filter when
/// MZ(ρᵢˡ) &lt; λ_s, with MZ(x) = |x − median| / std over the round (population std; a zero std keeps all) and the
/// positive-direction purity ρ = ½(1 + Σ sgn(x) / Σ |sgn(x)|) over the layer's non-zero coordinates (½ for none);</item>
/// <item>layer l of the aggregate is G + the mean of the clipped Δᵢˡ of the clients both filters kept (all clients
/// when none is).</item>
/// </list>
/// A client's verdict weight is the fraction of layers it was aggregated in (Removed at 0, Reweighted below 1,
/// Modified when clipped, else Kept). Buffers take the weighted mean of every update's buffers.
/// </summary>
internal sealed class LasaDefense(LasaOptions options) : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var layout = context.Layout;
        var deltas = TrainableDeltas.Of(updates, context);
        var norms = VectorNorms.L2(deltas.Deltas);
        double median = ScalarMedian.Of(norms);
        var clip = norms.Select(x => x > median && x > 0 ? median / x : 1.0).ToArray();
        var layers = TrainableLayers(layout);
        var sparse = deltas.Deltas.Select(d => Sparsified(d, layers, options.Sparsity)).ToArray();

        var packed = deltas.GlobalTrainable.ToArray();
        var included = new int[n];
        foreach (var (offset, length, _) in layers)
        {
            var layerNorms = sparse.Select(s => VectorNorms.L2(s.AsSpan(offset, length))).ToArray();
            var purity = sparse.Select(s => PositiveDirectionPurity(s.AsSpan(offset, length))).ToArray();
            var keepNorm = WithinMzBound(layerNorms, options.NormBound);
            var keepSign = WithinMzBound(purity, options.SignBound);
            var selected = Enumerable.Range(0, n).Where(i => keepNorm[i] && keepSign[i]).ToArray();
            if (selected.Length == 0)
            {
                selected = Enumerable.Range(0, n).ToArray();
            }

            foreach (int i in selected)
            {
                included[i]++;
                var d = deltas.Deltas[i];
                float scale = (float)(clip[i] / selected.Length);
                for (int k = offset; k < offset + length; k++)
                {
                    packed[k] += scale * d[k];
                }
            }
        }

        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            double weight = layers.Count == 0 ? 1 : included[i] / (double)layers.Count;
            var kind = weight == 0 ? VerdictKind.Removed
                : weight < 1 ? VerdictKind.Reweighted
                : clip[i] < 1 ? VerdictKind.Modified
                : VerdictKind.Kept;
            verdicts[i] = new ClientVerdict(updates[i].ClientId, kind, weight, weight);
        }

        return new AggregationOutcome(TrainableView.Compose(packed, updates, layout), verdicts);
    }

    /// <summary>The trainable tensors as (offset in the packed trainable vector, length, whether top-k sparsifies them).</summary>
    internal static List<(int Offset, int Length, bool Sparsified)> TrainableLayers(ParameterLayout layout)
    {
        var layers = new List<(int, int, bool)>();
        int offset = 0;
        foreach (var e in layout.Entries.Where(e => e.Kind == ParameterKind.Trainable))
        {
            layers.Add((offset, e.Length, e.Shape.Count >= 2));
            offset += e.Length;
        }

        return layers;
    }

    /// <summary>
    /// A copy of <paramref name="delta"/> whose coordinates in sparsified layers below the k-th largest magnitude over
    /// those layers are zeroed, k = max(1, ⌊(1 − sparsity)·m⌋), m their coordinate count (ties at the k-th kept).
    /// </summary>
    internal static float[] Sparsified(float[] delta, IReadOnlyList<(int Offset, int Length, bool Sparsified)> layers, double sparsity)
    {
        var result = delta.ToArray();
        var targets = layers.Where(l => l.Sparsified).ToArray();
        int m = targets.Sum(l => l.Length);
        if (sparsity <= 0 || m == 0)
        {
            return result;
        }

        var magnitudes = new float[m];
        int p = 0;
        foreach (var (offset, length, _) in targets)
        {
            for (int k = offset; k < offset + length; k++)
            {
                magnitudes[p++] = Math.Abs(delta[k]);
            }
        }

        int keep = Math.Max(1, (int)Math.Floor((1 - sparsity) * m));
        Array.Sort(magnitudes);
        float threshold = magnitudes[m - keep];
        foreach (var (offset, length, _) in targets)
        {
            for (int k = offset; k < offset + length; k++)
            {
                if (Math.Abs(result[k]) < threshold)
                {
                    result[k] = 0;
                }
            }
        }

        return result;
    }

    /// <summary>ρ = ½(1 + Σ sgn(x) / Σ |sgn(x)|); ½ when every coordinate is zero.</summary>
    internal static double PositiveDirectionPurity(ReadOnlySpan<float> layer)
    {
        int sum = 0, nonZero = 0;
        foreach (float x in layer)
        {
            if (x != 0)
            {
                sum += Math.Sign(x);
                nonZero++;
            }
        }

        return nonZero == 0 ? 0.5 : 0.5 * (1 + (sum / (double)nonZero));
    }

    /// <summary>Which values have an MZ-score |x − median| / std below <paramref name="bound"/> (all when std is 0).</summary>
    internal static bool[] WithinMzBound(IReadOnlyList<double> values, double bound)
    {
        double median = ScalarMedian.Of(values);
        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
        return values.Select(v => std == 0 || Math.Abs(v - median) / std < bound).ToArray();
    }
}
