namespace FedSec.Aggregation;

/// <summary>Argument checks shared by the kernels: a non-empty list of vectors of one length.</summary>
internal static class VectorChecks
{
    /// <summary>The common length of the vectors; throws when the list is empty or the lengths differ.</summary>
    public static int CommonLength(IReadOnlyList<float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            throw new ArgumentException("The aggregation needs at least one vector.", nameof(vectors));
        }

        int d = vectors[0].Length;
        for (int i = 1; i < vectors.Count; i++)
        {
            if (vectors[i].Length != d)
            {
                throw new ArgumentException($"Vector {i} has {vectors[i].Length} elements; vector 0 has {d}.", nameof(vectors));
            }
        }

        return d;
    }
}
