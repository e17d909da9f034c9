using System.Buffers;
using System.Numerics.Tensors;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Adds and takes off many masks from a vector mod 2³² on every core: the vector is cut into ranges of
/// <see cref="RangeWords"/> words, and each range expands its slice of every mask (counter mode seeks to it) and applies
/// it. Addition mod 2³² does not depend on order, so the result is the same bits as applying the masks one after
/// another on one thread, whatever the number of cores.
/// </summary>
internal static class MaskAccumulator
{
    /// <summary>Words per range: 256 KiB, a multiple of the AES block.</summary>
    public const int RangeWords = 1 << 16;

    /// <summary>Applies every mask of <paramref name="masks"/> to <paramref name="target"/> in place.</summary>
    public static void Apply(IReadOnlyList<SignedMask> masks, uint[] target)
    {
        if (masks.Count == 0)
        {
            return;
        }

        int ranges = (target.Length + RangeWords - 1) / RangeWords;
        Parallel.For(0, ranges, r =>
        {
            int start = r * RangeWords, length = Math.Min(RangeWords, target.Length - start);
            var scratch = ArrayPool<uint>.Shared.Rent(length);
            try
            {
                var slice = target.AsSpan(start, length);
                var mask = scratch.AsSpan(0, length);
                foreach (var m in masks)
                {
                    MaskGenerator.ExpandRange(m.Key, start, mask);
                    if (m.Subtract)
                    {
                        TensorPrimitives.Subtract(slice, mask, slice);
                    }
                    else
                    {
                        TensorPrimitives.Add(slice, mask, slice);
                    }
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(scratch);
            }
        });
    }
}
