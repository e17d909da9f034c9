namespace FedSec.Aggregation;

/// <summary>
/// Turns a block of sorted columns into one value per column (a median, a trimmed mean, ...). Implemented by structs
/// so that <see cref="SortedColumns"/> is specialised for each reducer.
/// </summary>
internal interface ISortedColumnReducer
{
    /// <summary>
    /// The rows (ranks) <see cref="Reduce"/> reads from a block of <paramref name="n"/> rows: only these need to be in
    /// their sorted places, so the sorting network is pruned to them (<see cref="SortingNetwork.Selecting"/>).
    /// </summary>
    (int First, int Count) RowsRead(int n);

    /// <summary>
    /// <paramref name="sorted"/> holds <paramref name="n"/> rows, row r starting at r × <paramref name="stride"/>: row r is
    /// the r-th smallest value of every column of the block, for the rows of <see cref="RowsRead"/> (others are in no
    /// set order). Writes one value per column into <paramref name="destination"/> (one per block column; fewer in the
    /// last block); the stride is a multiple of 16 and at least the destination's length rounded up to 64.
    /// </summary>
    void Reduce(ReadOnlySpan<float> sorted, int n, int stride, Span<float> destination);
}
