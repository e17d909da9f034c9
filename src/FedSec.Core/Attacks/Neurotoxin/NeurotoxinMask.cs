using FedSec.Parameters;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>
/// The coordinates a Neurotoxin attacker freezes: the trainable coordinates whose change in the last observed global
/// update G_t − G_prev is among the largest (1 − ratio) fraction by magnitude (values tied with the last one frozen
/// too); every other coordinate, buffers included, is free.
/// </summary>
internal static class NeurotoxinMask
{
    /// <summary>True for the frozen coordinates of the full vector.</summary>
    public static bool[] Frozen(ReadOnlySpan<float> global, ReadOnlySpan<float> previous, ParameterLayout layout, double ratio)
    {
        var frozen = new bool[global.Length];
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        int m = trainable.Sum(e => e.Length);
        int count = (int)Math.Ceiling((1 - ratio) * m);
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
        foreach (var e in trainable)
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                frozen[k] = Math.Abs(global[k] - previous[k]) >= threshold;
            }
        }

        return frozen;
    }
}
