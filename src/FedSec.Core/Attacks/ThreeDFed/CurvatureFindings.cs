using FedSec.Stages;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// The curvatures 3DFed's malicious clients computed in the attacker's latest round (Σ H·1 on the indicator layer at the
/// global model, over each client's own data), by client: filled as the clients train (possibly on several threads, or
/// in another process whose findings arrive as bytes), summed in client order by the attacker's side of the round, so
/// the sum does not depend on the order the clients finished in.
/// </summary>
internal sealed class CurvatureFindings
{
    // A findings message lists at most this many clients (a hostile count must not allocate).
    private const int MaxClients = 1 << 16;

    private readonly object _gate = new();
    private readonly SortedDictionary<int, float[]> _byClient = [];
    private int _round = -1;

    /// <summary>Records <paramref name="client"/>'s curvature of <paramref name="round"/> (an earlier round's are dropped).</summary>
    public void Record(int round, int client, float[] curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        lock (_gate)
        {
            RecordLocked(round, client, curvature);
        }
    }

    /// <summary>
    /// The sum, in client order, of the curvatures of <paramref name="round"/> from <paramref name="clients"/> that have
    /// <paramref name="length"/> values, with how many were summed; null when none was.
    /// </summary>
    public (float[]? Sum, int Clients) Sum(int round, IReadOnlySet<int> clients, int length)
    {
        ArgumentNullException.ThrowIfNull(clients);
        lock (_gate)
        {
            if (round != _round)
            {
                return (null, 0);
            }

            var used = _byClient.Where(c => clients.Contains(c.Key) && c.Value.Length == length).Select(c => c.Value).ToList();
            if (used.Count == 0)
            {
                return (null, 0);
            }

            var sum = new float[length];
            for (int k = 0; k < length; k++)
            {
                double s = 0;
                foreach (var c in used)
                {
                    s += c[k];
                }

                sum[k] = (float)s;
            }

            return (sum, used.Count);
        }
    }

    /// <summary>
    /// <paramref name="client"/>'s findings as bytes: the round, the number of clients (1, or 0 when it has none), then
    /// the client and its vector.
    /// </summary>
    public byte[] Write(int client)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            lock (_gate)
            {
                writer.Write(_round);
                if (_byClient.TryGetValue(client, out var curvature))
                {
                    writer.Write(1);
                    writer.Write(client);
                    StateVectors.Write(writer, curvature);
                }
                else
                {
                    writer.Write(0);
                }
            }
        }

        return memory.ToArray();
    }

    /// <summary>Reads what <see cref="Write"/> wrote and records it; all or nothing.</summary>
    /// <exception cref="InvalidDataException">The bytes are truncated, have bytes left over, or hold a vector that is missing or not finite.</exception>
    public void Merge(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        int round, count;
        var read = new List<(int Client, float[] Curvature)>();
        try
        {
            round = reader.ReadInt32();
            count = reader.ReadInt32();
            if (round < -1 || count < 0 || count > MaxClients)
            {
                throw new InvalidDataException($"3dfed's findings declare round {round} and {count} clients; a round is at least -1 and the clients between 0 and {MaxClients}");
            }

            for (int j = 0; j < count; j++)
            {
                int client = reader.ReadInt32();
                var curvature = StateVectors.Read(reader) ?? throw new InvalidDataException($"3dfed's findings hold no curvature for client {client}");
                if (!curvature.All(float.IsFinite))
                {
                    throw new InvalidDataException($"3dfed's curvature from client {client} has a value that is not finite");
                }

                read.Add((client, curvature));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("3dfed's findings are truncated", e);
        }

        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (left != 0)
        {
            throw new InvalidDataException($"{left} bytes are left after 3dfed's findings");
        }

        lock (_gate)
        {
            foreach (var (client, curvature) in read)
            {
                RecordLocked(round, client, curvature);
            }
        }
    }

    private void RecordLocked(int round, int client, float[] curvature)
    {
        if (round < _round)
        {
            return;
        }

        if (round > _round)
        {
            _byClient.Clear();
            _round = round;
        }

        _byClient[client] = curvature;
    }
}
