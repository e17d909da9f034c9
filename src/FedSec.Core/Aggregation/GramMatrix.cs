using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FedSec.Aggregation;

/// <summary>
/// The Gram matrix ⟨yᵢ, yⱼ⟩ of vectors centred per column block (yᵢ = xᵢ − c, c the block's column mean), for
/// <see cref="PairwiseDistances"/>. Columns are split into a fixed number of chunks (set by d alone), each chunk
/// sums its blocks in order into its own double matrix, and the chunks are added in order: the result does not
/// depend on the thread count. Inside a block a 4 × 4 register tile of SIMD accumulators reuses every load four
/// times; each block's float sums are added into double.
/// </summary>
internal static class GramMatrix
{
    private const int Block = 256;
    private const int Tile = 4;
    private const int MaxChunks = 64;

    /// <summary>
    /// The upper triangle (with diagonal) of the centred Gram matrix, row-major with <paramref name="stride"/> columns
    /// (n rounded up to the tile size); entries below the diagonal are not meaningful.
    /// </summary>
    public static double[] Centered(IReadOnlyList<float[]> vectors, out int stride)
    {
        int n = vectors.Count;
        int d = vectors[0].Length;
        int rows = (n + Tile - 1) / Tile * Tile;
        stride = rows;
        int blocks = (d + Block - 1) / Block;
        int blocksPerChunk = Math.Max(16, (blocks + MaxChunks - 1) / MaxChunks);
        int chunks = Math.Max(1, (blocks + blocksPerChunk - 1) / blocksPerChunk);
        var partial = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var acc = new double[rows * rows];
            var scratch = new float[rows * Block];
            var center = new float[Block];
            int last = Math.Min(blocks, (c + 1) * blocksPerChunk);
            for (int b = c * blocksPerChunk; b < last; b++)
            {
                int start = b * Block, len = Math.Min(Block, d - start);
                LoadCentered(vectors, start, len, scratch, center);
                for (int ti = 0; ti < rows; ti += Tile)
                {
                    for (int tj = ti; tj < rows; tj += Tile)
                    {
                        TileDot(scratch, ti, tj, acc, rows);
                    }
                }
            }

            partial[c] = acc;
        });

        var gram = partial[0];
        for (int c = 1; c < chunks; c++)
        {
            TensorPrimitives.Add(gram, partial[c], gram);
        }

        return gram;
    }

    private static void LoadCentered(IReadOnlyList<float[]> vectors, int start, int len, float[] scratch, float[] center)
    {
        int n = vectors.Count;
        var c = center.AsSpan(0, len);
        vectors[0].AsSpan(start, len).CopyTo(c);
        for (int i = 1; i < n; i++)
        {
            TensorPrimitives.Add(c, vectors[i].AsSpan(start, len), c);
        }

        TensorPrimitives.Multiply(c, 1f / n, c);
        for (int i = 0; i < n; i++)
        {
            var row = scratch.AsSpan(i * Block, Block);
            TensorPrimitives.Subtract(vectors[i].AsSpan(start, len), c, row);
            row[len..].Clear();
        }
    }

    private static void TileDot(float[] scratch, int i0, int j0, double[] acc, int stride)
    {
        int steps = Block / Vector<float>.Count;
        ref Vector<float> s = ref Unsafe.As<float, Vector<float>>(ref MemoryMarshal.GetArrayDataReference(scratch));
        ref Vector<float> x0 = ref Unsafe.Add(ref s, i0 * steps);
        ref Vector<float> x1 = ref Unsafe.Add(ref x0, steps);
        ref Vector<float> x2 = ref Unsafe.Add(ref x1, steps);
        ref Vector<float> x3 = ref Unsafe.Add(ref x2, steps);
        ref Vector<float> y0 = ref Unsafe.Add(ref s, j0 * steps);
        ref Vector<float> y1 = ref Unsafe.Add(ref y0, steps);
        ref Vector<float> y2 = ref Unsafe.Add(ref y1, steps);
        ref Vector<float> y3 = ref Unsafe.Add(ref y2, steps);
        Vector<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector<float> a30 = default, a31 = default, a32 = default, a33 = default;
        for (int v = 0; v < steps; v++)
        {
            var b0 = Unsafe.Add(ref y0, v);
            var b1 = Unsafe.Add(ref y1, v);
            var b2 = Unsafe.Add(ref y2, v);
            var b3 = Unsafe.Add(ref y3, v);
            var a = Unsafe.Add(ref x0, v);
            a00 = Vector.FusedMultiplyAdd(a, b0, a00);
            a01 = Vector.FusedMultiplyAdd(a, b1, a01);
            a02 = Vector.FusedMultiplyAdd(a, b2, a02);
            a03 = Vector.FusedMultiplyAdd(a, b3, a03);
            a = Unsafe.Add(ref x1, v);
            a10 = Vector.FusedMultiplyAdd(a, b0, a10);
            a11 = Vector.FusedMultiplyAdd(a, b1, a11);
            a12 = Vector.FusedMultiplyAdd(a, b2, a12);
            a13 = Vector.FusedMultiplyAdd(a, b3, a13);
            a = Unsafe.Add(ref x2, v);
            a20 = Vector.FusedMultiplyAdd(a, b0, a20);
            a21 = Vector.FusedMultiplyAdd(a, b1, a21);
            a22 = Vector.FusedMultiplyAdd(a, b2, a22);
            a23 = Vector.FusedMultiplyAdd(a, b3, a23);
            a = Unsafe.Add(ref x3, v);
            a30 = Vector.FusedMultiplyAdd(a, b0, a30);
            a31 = Vector.FusedMultiplyAdd(a, b1, a31);
            a32 = Vector.FusedMultiplyAdd(a, b2, a32);
            a33 = Vector.FusedMultiplyAdd(a, b3, a33);
        }

        var row = acc.AsSpan(i0 * stride);
        Flush(row, j0, a00, a01, a02, a03);
        Flush(row[stride..], j0, a10, a11, a12, a13);
        Flush(row[(2 * stride)..], j0, a20, a21, a22, a23);
        Flush(row[(3 * stride)..], j0, a30, a31, a32, a33);
    }

    private static void Flush(Span<double> row, int j0, Vector<float> c0, Vector<float> c1, Vector<float> c2, Vector<float> c3)
    {
        row[j0] += Vector.Sum(c0);
        row[j0 + 1] += Vector.Sum(c1);
        row[j0 + 2] += Vector.Sum(c2);
        row[j0 + 3] += Vector.Sum(c3);
    }
}
