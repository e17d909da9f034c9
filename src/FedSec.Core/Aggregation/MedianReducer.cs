using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>The median of each sorted column: the middle value, or the mean of the two middle values when n is even.</summary>
internal readonly struct MedianReducer : ISortedColumnReducer
{
    public (int First, int Count) RowsRead(int n) => n % 2 == 1 ? (n / 2, 1) : ((n / 2) - 1, 2);

    public void Reduce(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination)
    {
        int len = destination.Length;
        int upper = n / 2;
        if (n % 2 == 1)
        {
            sorted.Slice(upper * stride, len).CopyTo(destination);
            return;
        }

        TensorPrimitives.Add(sorted.Slice((upper - 1) * stride, len), sorted.Slice(upper * stride, len), destination);
        TensorPrimitives.Multiply(destination, 0.5f, destination);
        OverflowedColumns.Repair(sorted, upper - 1, 2, stride, destination);
    }
}
