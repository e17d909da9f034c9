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
    /// <paramref name="sorted"/> holds <paramref name="n"/> rows of <paramref name="width"/> floats: row r is the r-th
    /// smallest value of every column of the block, for the rows of <see cref="RowsRead"/> (others are in no set order). Writes one value per column into <paramref name="destination"/>
    /// (whose length may be less than <paramref name="width"/> in the last block).
    /// </summary>
    void Reduce(ReadOnlySpan<float> sorted, int n, int width, Span<float> destination);
}
