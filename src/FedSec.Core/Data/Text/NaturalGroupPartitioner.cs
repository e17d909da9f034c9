namespace FedSec.Data.Text;

/// <summary>
/// The natural non-IID split of a text corpus: its groups (Brown's genres, SOTU's presidents or decades), in their
/// order, are dealt to the clients in consecutive runs, each client's run ending once it holds about its share of the
/// samples (total / clients), and every client getting at least one group. With as many clients as groups, each client
/// holds one group; with fewer, a client holds neighbouring groups (consecutive decades: an era). No randomness.
/// </summary>
public sealed class NaturalGroupPartitioner : IPartitioner
{
    /// <inheritdoc />
    /// <param name="labels">Each sample's group index.</param>
    /// <param name="classCount">Number of groups.</param>
    /// <param name="clientCount">Number of clients; at most the number of groups that hold samples.</param>
    /// <param name="rng">Not used.</param>
    public int[][] Partition(int[] labels, int classCount, int clientCount, Random rng)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[classCount];
        foreach (int g in labels)
        {
            if ((uint)g >= (uint)classCount)
            {
                throw new ArgumentException($"Group {g} is outside 0..{classCount - 1}.", nameof(labels));
            }

            counts[g]++;
        }

        var groups = Enumerable.Range(0, classCount).Where(g => counts[g] > 0).ToArray();
        if (clientCount < 1 || clientCount > groups.Length)
        {
            throw new ArgumentException($"a natural split gives each client at least one whole group, and the data has {groups.Length} groups with samples, not {clientCount} or more.");
        }

        var owner = new int[classCount];
        int client = 0;
        long done = 0;
        for (int i = 0; i < groups.Length; i++)
        {
            owner[groups[i]] = client;
            done += counts[groups[i]];
            int groupsLeft = groups.Length - i - 1, clientsLeft = clientCount - client - 1;

            // Move on once this client holds its share, or when the groups left are just enough for the clients left.
            if (clientsLeft > 0 && (done * clientCount >= (long)(client + 1) * labels.Length || groupsLeft == clientsLeft))
            {
                client++;
            }
        }

        var parts = Enumerable.Range(0, clientCount).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < labels.Length; i++)
        {
            parts[owner[labels[i]]].Add(i);
        }

        return parts.Select(p => p.ToArray()).ToArray();
    }
}
