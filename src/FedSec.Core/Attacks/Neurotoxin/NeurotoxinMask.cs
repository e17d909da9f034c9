using FedSec.Parameters;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>
/// The coordinates a Neurotoxin attacker freezes: of the m trainable coordinates, the m − ⌊ratio·m⌋ whose change in the
/// last observed global update G_t − G_prev is largest by magnitude, so that exactly ⌊ratio·m⌋ stay free, as the
/// authors' <c>topk(−|Δ|, int(m·ratio))</c> frees. Ties at the boundary are frozen in coordinate order (deterministic;
/// torch's topk leaves their order open). Every other coordinate, buffers included, is free. Until 2026-12-05 every
/// value tied with the boundary was frozen: when fewer than m − ⌊ratio·m⌋ coordinates had changed (an unchanged global
/// model), the boundary was 0 and every coordinate froze, so the attacker sent the global model.
/// </summary>
internal static class NeurotoxinMask
{
    /// <summary>True for the frozen coordinates of the full vector.</summary>
    public static bool[] Frozen(ReadOnlySpan<float> global, ReadOnlySpan<float> previous, ParameterLayout layout, double ratio)
    {
        var frozen = new bool[global.Length];
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        int m = trainable.Sum(e => e.Length);
        int count = m - (int)Math.Floor(ratio * m);
        if (count <= 0 || m == 0)
        {
            return frozen;
        }

        var magnitudes = new float[m];
        int p = 0;
        foreach (var e in trainable)
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                magnitudes[p++] = Math.Abs(global[k] - previous[k]);
            }
        }

        Array.Sort(magnitudes);
        float threshold = magnitudes[m - count];
        int above = m - UpperBound(magnitudes, threshold);
        int tiesToFreeze = count - above;
        foreach (var e in trainable)
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                float magnitude = Math.Abs(global[k] - previous[k]);
                if (magnitude > threshold)
                {
                    frozen[k] = true;
                }
                else if (magnitude == threshold && tiesToFreeze > 0)
                {
                    frozen[k] = true;
                    tiesToFreeze--;
                }
            }
        }

        return frozen;
    }

    /// <summary>The index of the first value greater than <paramref name="value"/> in the sorted array.</summary>
    private static int UpperBound(float[] sorted, float value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
