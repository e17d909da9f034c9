using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>The mean of each sorted column without its <see cref="Trim"/> smallest and <see cref="Trim"/> largest values.</summary>
/// <param name="Trim">Values dropped on each side; 2·Trim &lt; n.</param>
internal readonly record struct TrimmedMeanReducer(int Trim) : ISortedColumnReducer
{
    public (int First, int Count) RowsRead(int n) => (Trim, n - (2 * Trim));

    public void Reduce(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination)
    {
        int len = destination.Length;
        int kept = n - (2 * Trim);
        var divisor = new Vector<float>(kept);
        ref float origin = ref MemoryMarshal.GetReference(sorted);
        int j = 0;

        // One SIMD lane per column, the kept ranks added in ascending order of value (the same order whatever the input
        // order), then divided by their count: a register sum instead of a pass over the block per rank.
        for (; j + Vector<float>.Count <= len; j += Vector<float>.Count)
        {
            var sum = Load(ref origin, (Trim * stride) + j);
            for (int r = Trim + 1; r < n - Trim; r++)
            {
                sum += Load(ref origin, (r * stride) + j);
            }

            (kept > 1 ? sum / divisor : sum).CopyTo(destination[j..]);
        }

        for (; j < len; j++)
        {
            float sum = sorted[(Trim * stride) + j];
            for (int r = Trim + 1; r < n - Trim; r++)
            {
                sum += sorted[(r * stride) + j];
            }

            destination[j] = kept > 1 ? sum / kept : sum;
        }

        OverflowedColumns.Repair(sorted, Trim, kept, stride, destination);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float origin, int at) =>
        Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref origin, at)));
}
