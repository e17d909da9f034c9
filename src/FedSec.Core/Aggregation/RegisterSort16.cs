using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FedSec.Aggregation;

/// <summary>
/// The first stages of <see cref="SortingNetwork"/>'s Batcher network (merges of up to 16 inputs), which never compare
/// rows of different aligned groups of 16, run in registers while the rows are copied into the scratch block: each
/// group's 16 rows, one 512-bit vector each, are loaded from the client vectors, pass the 63 comparators of
/// <see cref="SortingNetwork.For"/>(16) as min/max pairs, and are stored once, instead of a copy and then two loads
/// and two stores per comparator. A group of fewer than 16 rows is padded with +∞ (Batcher's network for fewer
/// inputs is the 16-input one with those positions at +∞), whose rows are not stored. Generated from that list.
/// </summary>
internal static class RegisterSort16
{
    /// <summary>Rows per group.</summary>
    public const int Rows = 16;

    /// <summary>
    /// Copies columns [<paramref name="start"/>, <paramref name="start"/> + 16 × <paramref name="vectorCount"/>) of
    /// rows <paramref name="firstRow"/> … + <paramref name="rowCount"/> − 1 (at most 16) into <paramref name="scratch"/>
    /// (row r of the group at r × 16 × <paramref name="vectorStride"/> floats), every column sorted within the group.
    /// Columns at or past <paramref name="end"/> are read as 0 (independent padding lanes).
    /// </summary>
    public static void SortInto(float[][] vectors, int firstRow, int rowCount, int start, int end, int vectorCount, Span<float> scratch, int vectorStride)
    {
        ref Vector512<float> origin = ref Unsafe.As<float, Vector512<float>>(ref MemoryMarshal.GetReference(scratch));
        for (int v = 0; v < vectorCount; v++)
        {
            int column = start + (v * Vector512<float>.Count);
            ref Vector512<float> target = ref Unsafe.Add(ref origin, v);
                var x0 = Load(vectors, firstRow + 0, 0 < rowCount, column, end);
                var x1 = Load(vectors, firstRow + 1, 1 < rowCount, column, end);
                var x2 = Load(vectors, firstRow + 2, 2 < rowCount, column, end);
                var x3 = Load(vectors, firstRow + 3, 3 < rowCount, column, end);
                var x4 = Load(vectors, firstRow + 4, 4 < rowCount, column, end);
                var x5 = Load(vectors, firstRow + 5, 5 < rowCount, column, end);
                var x6 = Load(vectors, firstRow + 6, 6 < rowCount, column, end);
                var x7 = Load(vectors, firstRow + 7, 7 < rowCount, column, end);
                var x8 = Load(vectors, firstRow + 8, 8 < rowCount, column, end);
                var x9 = Load(vectors, firstRow + 9, 9 < rowCount, column, end);
                var x10 = Load(vectors, firstRow + 10, 10 < rowCount, column, end);
                var x11 = Load(vectors, firstRow + 11, 11 < rowCount, column, end);
                var x12 = Load(vectors, firstRow + 12, 12 < rowCount, column, end);
                var x13 = Load(vectors, firstRow + 13, 13 < rowCount, column, end);
                var x14 = Load(vectors, firstRow + 14, 14 < rowCount, column, end);
                var x15 = Load(vectors, firstRow + 15, 15 < rowCount, column, end);
            Vector512<float> t;
                t = x0;
                x0 = Vector512.MinNative(t, x1);
                x1 = Vector512.MaxNative(t, x1);
                t = x2;
                x2 = Vector512.MinNative(t, x3);
                x3 = Vector512.MaxNative(t, x3);
                t = x4;
                x4 = Vector512.MinNative(t, x5);
                x5 = Vector512.MaxNative(t, x5);
                t = x6;
                x6 = Vector512.MinNative(t, x7);
                x7 = Vector512.MaxNative(t, x7);
                t = x8;
                x8 = Vector512.MinNative(t, x9);
                x9 = Vector512.MaxNative(t, x9);
                t = x10;
                x10 = Vector512.MinNative(t, x11);
                x11 = Vector512.MaxNative(t, x11);
                t = x12;
                x12 = Vector512.MinNative(t, x13);
                x13 = Vector512.MaxNative(t, x13);
                t = x14;
                x14 = Vector512.MinNative(t, x15);
                x15 = Vector512.MaxNative(t, x15);
                t = x0;
                x0 = Vector512.MinNative(t, x2);
                x2 = Vector512.MaxNative(t, x2);
                t = x1;
                x1 = Vector512.MinNative(t, x3);
                x3 = Vector512.MaxNative(t, x3);
                t = x4;
                x4 = Vector512.MinNative(t, x6);
                x6 = Vector512.MaxNative(t, x6);
                t = x5;
                x5 = Vector512.MinNative(t, x7);
                x7 = Vector512.MaxNative(t, x7);
                t = x8;
                x8 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x9;
                x9 = Vector512.MinNative(t, x11);
                x11 = Vector512.MaxNative(t, x11);
                t = x12;
                x12 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                t = x13;
                x13 = Vector512.MinNative(t, x15);
                x15 = Vector512.MaxNative(t, x15);
                t = x1;
                x1 = Vector512.MinNative(t, x2);
                x2 = Vector512.MaxNative(t, x2);
                t = x5;
                x5 = Vector512.MinNative(t, x6);
                x6 = Vector512.MaxNative(t, x6);
                t = x9;
                x9 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x13;
                x13 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                t = x0;
                x0 = Vector512.MinNative(t, x4);
                x4 = Vector512.MaxNative(t, x4);
                t = x1;
                x1 = Vector512.MinNative(t, x5);
                x5 = Vector512.MaxNative(t, x5);
                t = x2;
                x2 = Vector512.MinNative(t, x6);
                x6 = Vector512.MaxNative(t, x6);
                t = x3;
                x3 = Vector512.MinNative(t, x7);
                x7 = Vector512.MaxNative(t, x7);
                t = x8;
                x8 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x9;
                x9 = Vector512.MinNative(t, x13);
                x13 = Vector512.MaxNative(t, x13);
                t = x10;
                x10 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                t = x11;
                x11 = Vector512.MinNative(t, x15);
                x15 = Vector512.MaxNative(t, x15);
                t = x2;
                x2 = Vector512.MinNative(t, x4);
                x4 = Vector512.MaxNative(t, x4);
                t = x3;
                x3 = Vector512.MinNative(t, x5);
                x5 = Vector512.MaxNative(t, x5);
                t = x10;
                x10 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x11;
                x11 = Vector512.MinNative(t, x13);
                x13 = Vector512.MaxNative(t, x13);
                t = x1;
                x1 = Vector512.MinNative(t, x2);
                x2 = Vector512.MaxNative(t, x2);
                t = x3;
                x3 = Vector512.MinNative(t, x4);
                x4 = Vector512.MaxNative(t, x4);
                t = x5;
                x5 = Vector512.MinNative(t, x6);
                x6 = Vector512.MaxNative(t, x6);
                t = x9;
                x9 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x11;
                x11 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x13;
                x13 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                t = x0;
                x0 = Vector512.MinNative(t, x8);
                x8 = Vector512.MaxNative(t, x8);
                t = x1;
                x1 = Vector512.MinNative(t, x9);
                x9 = Vector512.MaxNative(t, x9);
                t = x2;
                x2 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x3;
                x3 = Vector512.MinNative(t, x11);
                x11 = Vector512.MaxNative(t, x11);
                t = x4;
                x4 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x5;
                x5 = Vector512.MinNative(t, x13);
                x13 = Vector512.MaxNative(t, x13);
                t = x6;
                x6 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                t = x7;
                x7 = Vector512.MinNative(t, x15);
                x15 = Vector512.MaxNative(t, x15);
                t = x4;
                x4 = Vector512.MinNative(t, x8);
                x8 = Vector512.MaxNative(t, x8);
                t = x5;
                x5 = Vector512.MinNative(t, x9);
                x9 = Vector512.MaxNative(t, x9);
                t = x6;
                x6 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x7;
                x7 = Vector512.MinNative(t, x11);
                x11 = Vector512.MaxNative(t, x11);
                t = x2;
                x2 = Vector512.MinNative(t, x4);
                x4 = Vector512.MaxNative(t, x4);
                t = x3;
                x3 = Vector512.MinNative(t, x5);
                x5 = Vector512.MaxNative(t, x5);
                t = x6;
                x6 = Vector512.MinNative(t, x8);
                x8 = Vector512.MaxNative(t, x8);
                t = x7;
                x7 = Vector512.MinNative(t, x9);
                x9 = Vector512.MaxNative(t, x9);
                t = x10;
                x10 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x11;
                x11 = Vector512.MinNative(t, x13);
                x13 = Vector512.MaxNative(t, x13);
                t = x1;
                x1 = Vector512.MinNative(t, x2);
                x2 = Vector512.MaxNative(t, x2);
                t = x3;
                x3 = Vector512.MinNative(t, x4);
                x4 = Vector512.MaxNative(t, x4);
                t = x5;
                x5 = Vector512.MinNative(t, x6);
                x6 = Vector512.MaxNative(t, x6);
                t = x7;
                x7 = Vector512.MinNative(t, x8);
                x8 = Vector512.MaxNative(t, x8);
                t = x9;
                x9 = Vector512.MinNative(t, x10);
                x10 = Vector512.MaxNative(t, x10);
                t = x11;
                x11 = Vector512.MinNative(t, x12);
                x12 = Vector512.MaxNative(t, x12);
                t = x13;
                x13 = Vector512.MinNative(t, x14);
                x14 = Vector512.MaxNative(t, x14);
                Store(ref target, 0 * vectorStride, 0 < rowCount, x0);
                Store(ref target, 1 * vectorStride, 1 < rowCount, x1);
                Store(ref target, 2 * vectorStride, 2 < rowCount, x2);
                Store(ref target, 3 * vectorStride, 3 < rowCount, x3);
                Store(ref target, 4 * vectorStride, 4 < rowCount, x4);
                Store(ref target, 5 * vectorStride, 5 < rowCount, x5);
                Store(ref target, 6 * vectorStride, 6 < rowCount, x6);
                Store(ref target, 7 * vectorStride, 7 < rowCount, x7);
                Store(ref target, 8 * vectorStride, 8 < rowCount, x8);
                Store(ref target, 9 * vectorStride, 9 < rowCount, x9);
                Store(ref target, 10 * vectorStride, 10 < rowCount, x10);
                Store(ref target, 11 * vectorStride, 11 < rowCount, x11);
                Store(ref target, 12 * vectorStride, 12 < rowCount, x12);
                Store(ref target, 13 * vectorStride, 13 < rowCount, x13);
                Store(ref target, 14 * vectorStride, 14 < rowCount, x14);
                Store(ref target, 15 * vectorStride, 15 < rowCount, x15);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Load(float[][] vectors, int row, bool present, int column, int end)
    {
        if (!present)
        {
            return Vector512.Create(float.PositiveInfinity);
        }

        var source = vectors[row];
        if (column + Vector512<float>.Count <= end)
        {
            return Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(source), (nuint)column);
        }

        return Partial(source, column, end);
    }

    private static Vector512<float> Partial(float[] source, int column, int end)
    {
        Span<float> lanes = stackalloc float[Vector512<float>.Count];
        lanes.Clear();
        if (column < end)
        {
            source.AsSpan(column, end - column).CopyTo(lanes);
        }

        return Vector512.Create<float>(lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref Vector512<float> target, int offset, bool present, Vector512<float> value)
    {
        if (present)
        {
            Unsafe.Add(ref target, offset) = value;
        }
    }
}
