namespace FedSec.Aggregation;

/// <summary>The value of one rank of each sorted column: row <c>Rank(n)</c> of n.</summary>
internal readonly struct OrderStatisticReducer : ISortedColumnReducer
{
    private readonly Func<int, int> _rank;

    /// <summary>Selects row <paramref name="rank"/>(n) (0-based, ascending) of a column of n values.</summary>
    public OrderStatisticReducer(Func<int, int> rank) => _rank = rank;

    public (int First, int Count) RowsRead(int n) => (_rank(n), 1);

    public void Reduce(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination) =>
        sorted.Slice(_rank(n) * stride, destination.Length).CopyTo(destination);
}
