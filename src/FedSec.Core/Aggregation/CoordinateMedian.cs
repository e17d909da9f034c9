namespace FedSec.Aggregation;

/// <summary>
/// The coordinate-wise median (Yin, Chen, Ramchandran and Bartlett, "Byzantine-robust distributed learning: towards
/// optimal statistical rates", ICML 2018): per coordinate the middle value, and for an even count the mean of the two
/// middle values (not the lower one, as FedML takes). Unweighted, as defined. SIMD sorting networks over L1-sized
/// column blocks on all cores; permutation invariant and independent of the thread count.
/// </summary>
public static class CoordinateMedian
{
    /// <summary>The coordinate-wise median of equally long vectors.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors) => SortedColumns.Reduce(vectors, default(MedianReducer));
}
