namespace FedSec.Data;

/// <summary>
/// The clients a data set comes with (FEMNIST's writers): each one's name and the indices of its samples in the
/// training set. A data set that has them is split by them instead of by <c>partition_method</c>.
/// </summary>
/// <param name="Names">Each client's name in the data set (e.g. the writer id <c>f0000_14</c>), in order.</param>
/// <param name="Indices">Client <c>i</c>'s sample indices in the training set, ascending; together they cover it once.</param>
public sealed record NaturalClients(IReadOnlyList<string> Names, IReadOnlyList<int[]> Indices)
{
    /// <summary>Number of clients.</summary>
    public int Count => Names.Count;

    /// <summary>Clients holding consecutive runs of samples: client <c>i</c> has the next <c>sizes[i]</c> samples.</summary>
    public static NaturalClients Consecutive(IReadOnlyList<string> names, IReadOnlyList<int> sizes)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sizes);
        if (names.Count != sizes.Count)
        {
            throw new ArgumentException($"{names.Count} client names for {sizes.Count} clients.", nameof(sizes));
        }

        var indices = new int[sizes.Count][];
        int start = 0;
        for (int i = 0; i < sizes.Count; i++)
        {
            indices[i] = Enumerable.Range(start, sizes[i]).ToArray();
            start += sizes[i];
        }

        return new NaturalClients(names, indices);
    }
}
