namespace FedSec.Aggregation;

/// <summary>The median of a list of numbers (norms, scores), as the defenses' thresholds use it.</summary>
public static class ScalarMedian
{
    /// <summary>The median of the values (the mean of the two middle ones for an even count).</summary>
    public static double Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
    }
}
