namespace FedSec.Aggregation;

/// <summary>
/// The float column means of the sorted-column reducers overflow when their values are near float's range
/// ((3e38 + 3e38)/2 = ∞), though the mean of finite values is finite: an attacker's update can be that large. The
/// inputs are checked finite before any reducer sees them, so a non-finite output can only be such an overflow; those
/// columns alone are made again in double, which leaves every other result bit for bit as the float kernel gives it.
/// </summary>
internal static class OverflowedColumns
{
    /// <summary>Recomputes, in double, each non-finite entry of <paramref name="destination"/> as the mean of rows [first, first + count) of its column.</summary>
    public static void Repair(ReadOnlySpan<float> sorted, int first, int count, int stride, Span<float> destination)
    {
        for (int j = 0; j < destination.Length; j++)
        {
            if (float.IsFinite(destination[j]))
            {
                continue;
            }

            double sum = 0;
            for (int r = first; r < first + count; r++)
            {
                sum += sorted[(r * stride) + j];
            }

            destination[j] = (float)(sum / count);
        }
    }
}
