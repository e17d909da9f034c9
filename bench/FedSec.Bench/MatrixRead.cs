using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace FedSec.Bench;

/// <summary>
/// The floor of every aggregation rule: one read of the whole n × d matrix and nothing else. Parallelised the way the
/// kernels are (ranges of 2 048-column blocks on all cores, every row of a block read forward), each block's rows summed
/// with SIMD; the sum only keeps the reads from being optimised away.
/// </summary>
internal static class MatrixRead
{
    private const int Block = 2048;

    public static double Sum(IReadOnlyList<float[]> rows)
    {
        int d = rows[0].Length;
        int blocks = (d + Block - 1) / Block;
        var sums = new double[blocks];
        Parallel.ForEach(Partitioner.Create(0, blocks, Math.Max(1, blocks / (Environment.ProcessorCount * 4))), range =>
        {
            for (int b = range.Item1; b < range.Item2; b++)
            {
                int start = b * Block, len = Math.Min(Block, d - start);
                double sum = 0;
                for (int i = 0; i < rows.Count; i++)
                {
                    sum += TensorPrimitives.Sum(rows[i].AsSpan(start, len));
                }

                sums[b] = sum;
            }
        });
        return sums.Sum();
    }
}
