using FedSec.Data;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Testing;

/// <summary>
/// An attack whose malicious clients each find a number while they train ((round + 1)·(client + 1), recorded when
/// their data is poisoned) and whose attacker's side of the round adds the sum of the round's findings to the first
/// weight of every malicious update: a distributed run gives the simulation's numbers only when the findings travel
/// from the attacker's node to the server (<see cref="IReportsClientFindings"/>).
/// </summary>
public sealed class FakeFindingsAttack : IDataPoisoningAttack, IModelPoisoningAttack, IReportsClientFindings, IControlsClients
{
    private readonly object _gate = new();
    private readonly SortedDictionary<int, long> _found = [];
    private readonly List<long> _applied = [];
    private int _round = -1;

    /// <summary>An attack controlled by the given clients.</summary>
    public FakeFindingsAttack(params int[] malicious) => MaliciousClients = new MaliciousClientSpec(malicious.Length, malicious);

    /// <inheritdoc />
    public MaliciousClientSpec MaliciousClients { get; }

    /// <summary>
    /// Bytes of filler each client's finding carries in <see cref="WriteFindings"/> (a stand-in for a large finding,
    /// such as 3DFed's curvature of a million-weight layer); 0 by default.
    /// </summary>
    public int PaddingBytes { get; init; }

    /// <summary>The sum added in each round the attacker's side ran, in order.</summary>
    public IReadOnlyList<long> Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied.ToList();
            }
        }
    }

    /// <inheritdoc />
    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            Record(context.Round, context.ClientId, (long)(context.Round + 1) * (context.ClientId + 1));
        }

        return data;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        long sum;
        lock (_gate)
        {
            sum = _round == context.Round ? _found.Values.Sum() : 0;
            _applied.Add(sum);
        }

        return updates.Select(u =>
        {
            if (!context.MaliciousClients.Contains(u.ClientId))
            {
                return u;
            }

            var weights = (float[])u.Weights.Clone();
            weights[0] += sum;
            return u.WithWeights(weights);
        }).ToList();
    }

    /// <inheritdoc />
    public byte[] WriteFindings(int client)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            lock (_gate)
            {
                writer.Write(_round);
                writer.Write(_found.ContainsKey(client) ? 1 : 0);
                foreach (var (_, found) in _found.Where(f => f.Key == client))
                {
                    writer.Write(client);
                    writer.Write(found);
                    writer.Write(PaddingBytes);
                    writer.Write(Enumerable.Range(0, PaddingBytes).Select(i => (byte)(i + client)).ToArray());
                }
            }
        }

        return memory.ToArray();
    }

    /// <inheritdoc />
    public void MergeFindings(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            int round = reader.ReadInt32();
            var read = Enumerable.Range(0, reader.ReadInt32()).Select(_ => (Client: reader.ReadInt32(), Found: reader.ReadInt64())).Select(r =>
            {
                int padding = reader.ReadInt32();
                var filler = reader.ReadBytes(padding);
                if (padding < 0 || filler.Length != padding || filler.Where((b, i) => b != (byte)(i + r.Client)).Any())
                {
                    throw new InvalidDataException($"client {r.Client}'s filler is not the {padding} bytes written");
                }

                return r;
            }).ToList();
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException("bytes are left after the findings");
            }

            lock (_gate)
            {
                read.ForEach(r => Record(round, r.Client, r.Found));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the findings are truncated", e);
        }
    }

    private void Record(int round, int client, long found)
    {
        if (round > _round)
        {
            _found.Clear();
            _round = round;
        }

        if (round == _round)
        {
            _found[client] = found;
        }
    }
}
