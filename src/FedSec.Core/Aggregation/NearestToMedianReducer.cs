using System.Numerics;

namespace FedSec.Aggregation;

/// <summary>
/// Bulyan's coordinate step: the mean of the <see cref="Count"/> values of each sorted column closest to the column's
/// median. In a sorted column those values are a window of consecutive rows: the window whose farthest member is
/// nearest to the median (the lowest such window when two tie). Vectorised: one SIMD lane per column.
/// </summary>
/// <param name="Count">β, the number of values averaged; 1 ≤ β ≤ n.</param>
internal readonly record struct NearestToMedianReducer(int Count) : ISortedColumnReducer
{
    public (int First, int Count) RowsRead(int n) => (0, n);

    public void Reduce(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination)
    {
        int vc = Vector<float>.Count;
        int beta = Count;
        int columns = (destination.Length + vc - 1) / vc * vc;
        Span<float> block = stackalloc float[columns];
        for (int c = 0; c < columns; c += vc)
        {
            var rows = sorted[c..];
            var median = n % 2 == 1 ? Row(rows, stride, n / 2) : (Row(rows, stride, (n / 2) - 1) + Row(rows, stride, n / 2)) * 0.5f;
            var bestCost = new Vector<float>(float.PositiveInfinity);
            var bestStart = Vector<int>.Zero;
            for (int s = 0; s + beta <= n; s++)
            {
                var cost = Vector.Max(median - Row(rows, stride, s), Row(rows, stride, s + beta - 1) - median);
                var better = Vector.LessThan(cost, bestCost);
                bestCost = Vector.ConditionalSelect(better, cost, bestCost);
                bestStart = Vector.ConditionalSelect(better, new Vector<int>(s), bestStart);
            }

            var bestEnd = bestStart + new Vector<int>(beta);
            var sum = Vector<float>.Zero;
            for (int r = 0; r < n; r++)
            {
                var index = new Vector<int>(r);
                var inside = Vector.GreaterThanOrEqual(index, bestStart) & Vector.LessThan(index, bestEnd);
                sum += Vector.ConditionalSelect(inside, Row(rows, stride, r), Vector<float>.Zero);
            }

            (sum / new Vector<float>(beta)).CopyTo(block[c..]);
        }

        block[..destination.Length].CopyTo(destination);
        RepairOverflowed(sorted, n, stride, destination);
    }

    // A column whose float median, costs or sum overflowed (values near float's maximum; inputs are checked finite, so a
    // non-finite output can only be that) is made again in double: the same window rule, every other column untouched.
    private void RepairOverflowed(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination)
    {
        for (int j = 0; j < destination.Length; j++)
        {
            if (float.IsFinite(destination[j]))
            {
                continue;
            }

            var column = new double[n];
            for (int r = 0; r < n; r++)
            {
                column[r] = sorted[(r * stride) + j];
            }

            double median = n % 2 == 1 ? column[n / 2] : (column[(n / 2) - 1] + column[n / 2]) / 2;
            int start = 0;
            double bestCost = double.PositiveInfinity;
            for (int s = 0; s + Count <= n; s++)
            {
                double cost = Math.Max(median - column[s], column[s + Count - 1] - median);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    start = s;
                }
            }

            double sum = 0;
            for (int r = start; r < start + Count; r++)
            {
                sum += column[r];
            }

            destination[j] = (float)(sum / Count);
        }
    }

    private static Vector<float> Row(ReadOnlySpan<float> rows, int stride, int r) => new(rows.Slice(r * stride, Vector<float>.Count));
}
