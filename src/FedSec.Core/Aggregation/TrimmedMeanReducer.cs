using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>The mean of each sorted column without its <see cref="Trim"/> smallest and <see cref="Trim"/> largest values.</summary>
/// <param name="Trim">Values dropped on each side; 2·Trim &lt; n.</param>
internal readonly record struct TrimmedMeanReducer(int Trim) : ISortedColumnReducer
{
    public (int First, int Count) RowsRead(int n) => (Trim, n - (2 * Trim));

    public void Reduce(ReadOnlySpan<float> sorted, int n, int width, Span<float> destination)
    {
        int len = destination.Length;
        int kept = n - (2 * Trim);
        sorted.Slice(Trim * width, len).CopyTo(destination);
        for (int r = Trim + 1; r < n - Trim; r++)
        {
            // Added in ascending order of value, the same order whatever the input order.
            TensorPrimitives.Add(destination, sorted.Slice(r * width, len), destination);
        }

        if (kept > 1)
        {
            TensorPrimitives.Divide(destination, kept, destination);
        }
    }
}
