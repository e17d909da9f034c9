namespace FedSec.Aggregation;

/// <summary>
/// The coordinate-wise trimmed mean (Yin, Chen, Ramchandran and Bartlett, ICML 2018): per coordinate, drop the k
/// largest and the k smallest values and average the remaining n − 2k. Unweighted, as defined. SIMD sorting networks
/// over L1-sized column blocks on all cores; permutation invariant and independent of the thread count.
/// </summary>
public static class CoordinateTrimmedMean
{
    /// <summary>The trimmed mean dropping <paramref name="trimPerSide"/> values at each end of every coordinate.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors, int trimPerSide)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (trimPerSide < 0 || (2 * trimPerSide) >= vectors.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(trimPerSide),
                trimPerSide,
                $"Trimming {trimPerSide} values per side of {vectors.Count} leaves nothing to average; use 0 ≤ k < n/2.");
        }

        return SortedColumns.Reduce(vectors, new TrimmedMeanReducer(trimPerSide));
    }

    /// <summary>
    /// k = ⌊β·n⌋, the values dropped per side for a trimming fraction β (a 1e-9 margin keeps β·n that should be whole,
    /// like 0.3·10, from rounding down).
    /// </summary>
    public static int TrimCount(int n, double beta) => (int)Math.Floor((beta * n) + 1e-9);
}
