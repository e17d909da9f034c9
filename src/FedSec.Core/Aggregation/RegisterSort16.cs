using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FedSec.Aggregation;

/// <summary>
/// The first stages of <see cref="SortingNetwork"/>'s Batcher network (merges of up to 16 inputs), which never compare
/// rows of different aligned groups of 16, run in registers: the 16 rows of a group, one 512-bit vector each, are
/// loaded once, pass the 63 comparators of <see cref="SortingNetwork.For"/>(16) as min/max pairs, and are stored once,
/// instead of two loads and two stores per comparator. Generated from that list (the test checks it sorts).
/// </summary>
internal static class RegisterSort16
{
    /// <summary>Rows per group.</summary>
    public const int Rows = 16;

    /// <summary>
    /// Sorts every column within each of the first <paramref name="groups"/> groups of 16 rows (rows 16g … 16g + 15); row r
    /// starts at vector r × <paramref name="vectorStride"/> and its first <paramref name="vectorsPerRow"/> vectors are sorted.
    /// </summary>
    public static void Sort(Span<float> rows, int groups, int vectorsPerRow, int vectorStride)
    {
        ref Vector512<float> origin = ref Unsafe.As<float, Vector512<float>>(ref MemoryMarshal.GetReference(rows));
        for (int g = 0; g < groups; g++)
        {
            for (int v = 0; v < vectorsPerRow; v++)
            {
                ref Vector512<float> v0 = ref Unsafe.Add(ref origin, (g * Rows * vectorStride) + v);
                var x0 = v0;
                var x1 = Unsafe.Add(ref v0, 1 * vectorStride);
                var x2 = Unsafe.Add(ref v0, 2 * vectorStride);
                var x3 = Unsafe.Add(ref v0, 3 * vectorStride);
                var x4 = Unsafe.Add(ref v0, 4 * vectorStride);
                var x5 = Unsafe.Add(ref v0, 5 * vectorStride);
                var x6 = Unsafe.Add(ref v0, 6 * vectorStride);
                var x7 = Unsafe.Add(ref v0, 7 * vectorStride);
                var x8 = Unsafe.Add(ref v0, 8 * vectorStride);
                var x9 = Unsafe.Add(ref v0, 9 * vectorStride);
                var x10 = Unsafe.Add(ref v0, 10 * vectorStride);
                var x11 = Unsafe.Add(ref v0, 11 * vectorStride);
                var x12 = Unsafe.Add(ref v0, 12 * vectorStride);
                var x13 = Unsafe.Add(ref v0, 13 * vectorStride);
                var x14 = Unsafe.Add(ref v0, 14 * vectorStride);
                var x15 = Unsafe.Add(ref v0, 15 * vectorStride);
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
                v0 = x0;
                Unsafe.Add(ref v0, 1 * vectorStride) = x1;
                Unsafe.Add(ref v0, 2 * vectorStride) = x2;
                Unsafe.Add(ref v0, 3 * vectorStride) = x3;
                Unsafe.Add(ref v0, 4 * vectorStride) = x4;
                Unsafe.Add(ref v0, 5 * vectorStride) = x5;
                Unsafe.Add(ref v0, 6 * vectorStride) = x6;
                Unsafe.Add(ref v0, 7 * vectorStride) = x7;
                Unsafe.Add(ref v0, 8 * vectorStride) = x8;
                Unsafe.Add(ref v0, 9 * vectorStride) = x9;
                Unsafe.Add(ref v0, 10 * vectorStride) = x10;
                Unsafe.Add(ref v0, 11 * vectorStride) = x11;
                Unsafe.Add(ref v0, 12 * vectorStride) = x12;
                Unsafe.Add(ref v0, 13 * vectorStride) = x13;
                Unsafe.Add(ref v0, 14 * vectorStride) = x14;
                Unsafe.Add(ref v0, 15 * vectorStride) = x15;
            }
        }
    }
}
