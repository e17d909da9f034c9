namespace FedSec.Defenses.Common;

/// <summary>
/// The coordinate-wise median of n vectors (the mean of the two middle values for an even n), the robust reference
/// of the outlier filters (<c>3sigma</c>, <c>anomaly_detection</c>). Column blocks in parallel; each coordinate is
/// computed alone, so the result does not depend on threads.
/// </summary>
public static class CoordinateMedian
{
    private const int Block = 1 << 13;

    /// <summary>The vector whose j-th element is the median of the vectors' j-th elements.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        int n = vectors.Count;
        if (n == 0)
        {
            throw new ArgumentException("The median of no vectors is undefined.", nameof(vectors));
        }

        int d = vectors[0].Length;
        if (vectors.Any(v => v.Length != d))
        {
            throw new ArgumentException("The vectors have different lengths.", nameof(vectors));
        }

        var result = new float[d];
        int blocks = (d + Block - 1) / Block;
        Parallel.For(0, blocks, () => new float[n], (b, _, column) =>
        {
            int end = Math.Min(d, (b + 1) * Block);
            for (int j = b * Block; j < end; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    column[i] = vectors[i][j];
                }

                Array.Sort(column);
                int m = n / 2;
                result[j] = n % 2 == 1 ? column[m] : (float)(((double)column[m - 1] + column[m]) / 2.0);
            }

            return column;
        }, _ => { });
        return result;
    }
}
