namespace FedSec.Aggregation;

/// <summary>
/// Bulyan's coordinate-wise step (El Mhamdi, Guerraoui and Rouault, "The hidden vulnerability of distributed learning
/// in Byzantium", ICML 2018): per coordinate, the mean of the β values closest to the coordinate-wise median (ties at
/// equal distance go to the smaller values). SIMD sorting networks over L1-sized column blocks on all cores.
/// </summary>
public static class NearestToMedianMean
{
    /// <summary>Per coordinate, the mean of the <paramref name="count"/> values nearest to the median.</summary>
    public static float[] Of(IReadOnlyList<float[]> vectors, int count)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (count < 1 || count > vectors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"β must be between 1 and the number of vectors ({vectors.Count}).");
        }

        return SortedColumns.Reduce(vectors, new NearestToMedianReducer(count));
    }
}
