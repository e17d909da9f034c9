using System.Security.Cryptography;
using FedSec.Simulation;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// The server of secure aggregation: it relays the clients' keys and encrypted shares, adds up the masked inputs it
/// receives (it never holds an unmasked one), and in the unmasking round reconstructs from at least t revealed shares
/// each survivor's self-mask seed and each dropped client's mask key, whose masks it then takes off the sum.
/// </summary>
internal sealed class SecAggServer
{
    private readonly int _length;
    private readonly int _threshold;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<int>> _neighbours;
    private readonly Dictionary<int, AdvertisedKeys> _keys = new();
    private readonly uint[] _sum;
    private readonly HashSet<int> _received = new();
    private readonly HashSet<int> _absent = new();

    public SecAggServer(int length, int threshold, IReadOnlyDictionary<int, IReadOnlyList<int>> neighbours)
    {
        _length = length;
        _threshold = threshold;
        _neighbours = neighbours;
        _sum = new uint[length];
    }

    /// <summary>The clients whose masked input arrived.</summary>
    public IReadOnlySet<int> Survivors => _received;

    public void ReceiveKeys(AdvertisedKeys keys) => _keys[keys.Client] = keys;

    public IReadOnlyDictionary<int, AdvertisedKeys> Keys => _keys;

    /// <summary>
    /// Takes a client out of the round before the masked inputs (Bonawitz et al.'s U₁ \ U₂): it never shared its keys, so
    /// its neighbours do not mask with it (<see cref="SecAggClient.MaskOnlyWith"/>) and nothing of it is unmasked; the
    /// round goes on with the clients that shared.
    /// </summary>
    public void LeftBeforeSharing(int client)
    {
        if (_received.Contains(client))
        {
            throw new InvalidOperationException($"Secure aggregation: client {client} sent its masked input, so it did share its keys.");
        }

        _absent.Add(client);
    }

    /// <summary>Adds a masked input to the sum; a vector of the wrong length, or a second one from the same client, is refused naming the client.</summary>
    public void ReceiveMaskedInput(int client, uint[] masked)
    {
        if (masked.Length != _length)
        {
            throw new InvalidUpdateException($"Secure aggregation: client {client}'s masked vector has {masked.Length} values; this round's vectors have {_length}.");
        }

        if (!_neighbours.ContainsKey(client) || _absent.Contains(client) || !_received.Add(client))
        {
            throw new InvalidUpdateException($"Secure aggregation: client {client} sent a masked vector it was not due to send (not in this round, or twice).");
        }

        System.Numerics.Tensors.TensorPrimitives.Add(_sum, masked, _sum);
    }

    /// <summary>
    /// The unmasked sum of the survivors' inputs, or the reason it cannot be had: some client's secret has fewer than
    /// t revealed shares.
    /// </summary>
    public (uint[]? Sum, string? Failure) Unmask(IReadOnlyList<RevealedShare> shares)
    {
        var bySecret = shares.GroupBy(s => (s.Owner, s.OfSelfMask)).ToDictionary(g => g.Key, g => g.Select(s => (s.X, s.Y)).ToList());
        var dropped = _neighbours.Keys.Where(c => !_received.Contains(c) && !_absent.Contains(c)).Order().ToArray();
        var needed = _received.Select(c => (c, true)).Concat(dropped.Select(c => (c, false)));
        foreach (var (owner, self) in needed)
        {
            int have = bySecret.TryGetValue((owner, self), out var list) ? list.Count : 0;
            if (have < _threshold)
            {
                return (null, $"only {_received.Count} of {_neighbours.Count - _absent.Count} clients sent their masked input; client {owner}'s {(self ? "self-mask seed" : "mask key")} has {have} surviving shares and reconstruction_threshold is {_threshold}");
            }
        }

        // Take off each survivor's self mask, and for each dropped client u the pairwise masks its surviving neighbours
        // v added: +PRG(s_vu) when v < u and −PRG(s_vu) when v > u. All expanded on every core (MaskAccumulator).
        var masks = _received.Select(u => new SignedMask(MaskGenerator.Key(Shamir.Combine(bySecret[(u, true)], 32)), Subtract: true)).ToList();
        foreach (int u in dropped)
        {
            using var key = ECDiffieHellman.Create(PrivateKey(u, Shamir.Combine(bySecret[(u, false)], 32)));
            masks.AddRange(_neighbours[u].Where(_received.Contains).Select(v => new SignedMask(MaskGenerator.Key(SecAggClient.PairwiseSecret(key, _keys[v].MaskKey)), Subtract: v < u)));
        }

        var sum = (uint[])_sum.Clone();
        MaskAccumulator.Apply(masks, sum);
        return (sum, null);
    }

    private ECParameters PrivateKey(int client, byte[] d)
    {
        using var pub = ECDiffieHellman.Create();
        pub.ImportSubjectPublicKeyInfo(_keys[client].MaskKey, out _);
        var p = pub.ExportParameters(false);
        p.D = d;
        return p;
    }
}
