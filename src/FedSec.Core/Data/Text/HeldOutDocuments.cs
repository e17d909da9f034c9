using FedSec.Randomness;

namespace FedSec.Data.Text;

/// <summary>
/// The held-out test split of a corpus, by whole documents (so no test text was seen in training), stratified by group:
/// of each group's documents, a seeded random <c>round(fraction × n)</c> go to the test split, at least one when the
/// group has two or more, never all of them.
/// </summary>
public static class HeldOutDocuments
{
    /// <summary>The indices of the test documents among <paramref name="documents"/>, ascending.</summary>
    /// <param name="documents">The corpus, in its order.</param>
    /// <param name="fraction">The share of each group's documents held out, in (0, 1).</param>
    /// <param name="random">The only source of randomness.</param>
    public static int[] TestIndices(IReadOnlyList<TextDocument> documents, double fraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(random);
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The held-out share must be in (0, 1).");
        }

        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, documents.Count).GroupBy(i => documents[i].Group, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            int take = Math.Clamp((int)Math.Round(fraction * members.Length, MidpointRounding.AwayFromZero), 1, members.Length - 1);
            var order = random.Permutation(members.Length);
            test.AddRange(order.Take(take).Select(k => members[k]));
        }

        test.Sort();
        return test.ToArray();
    }
}
