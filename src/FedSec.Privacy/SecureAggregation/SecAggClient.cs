using System.Numerics;
using System.Security.Cryptography;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// One client of secure aggregation (Bonawitz et al., "Practical secure aggregation for privacy-preserving machine
/// learning", CCS 2017, Figure 4; with Bell et al., CCS 2020's sparse neighbourhoods: a client shares and masks only with
/// its neighbours). Per round it makes two P-256 key pairs and a self-mask seed bᵤ from the OS's cryptographic generator,
/// Shamir-shares bᵤ and its mask private key among itself and its neighbours, and sends
/// yᵤ = xᵤ + PRG(bᵤ) + Σ_{v&gt;u} PRG(sᵤᵥ) − Σ_{v&lt;u} PRG(sᵤᵥ) mod 2³², sᵤᵥ its ECDH agreement with v.
/// </summary>
internal sealed class SecAggClient : IDisposable
{
    private const int SecretLength = 32;
    private readonly ECDiffieHellman _channel = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDiffieHellman _mask = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _selfSeed = RandomNumberGenerator.GetBytes(SecretLength);
    private readonly Dictionary<int, AdvertisedKeys> _keys = new();
    private readonly Dictionary<int, (int X, BigInteger SelfSeed, BigInteger MaskKey)> _held = new();
    private readonly Dictionary<int, byte[]> _channelKeys = new();

    public SecAggClient(int id, IReadOnlyList<int> neighbours, int threshold)
    {
        Id = id;
        Neighbours = neighbours;
        Threshold = threshold;
    }

    public int Id { get; }

    public IReadOnlyList<int> Neighbours { get; private set; }

    public int Threshold { get; private set; }

    /// <summary>
    /// A client that advertises its keys before the server has drawn the round's neighbourhoods (a node's client):
    /// <see cref="Assign"/> gives them before <see cref="ShareKeys"/>.
    /// </summary>
    public static SecAggClient Unassigned(int id) => new(id, Array.Empty<int>(), 1);

    /// <summary>Sets the neighbours and threshold the server announced for this round.</summary>
    public void Assign(IReadOnlyList<int> neighbours, int threshold)
    {
        Neighbours = neighbours;
        Threshold = threshold;
    }

    /// <summary>Round 0: the public keys.</summary>
    public AdvertisedKeys Advertise() => new(Id, _channel.PublicKey.ExportSubjectPublicKeyInfo(), _mask.PublicKey.ExportSubjectPublicKeyInfo());

    /// <summary>Round 1: shares of bᵤ and of the mask private key, one per holder (this client keeps its own), encrypted to each neighbour.</summary>
    public IReadOnlyList<EncryptedShares> ShareKeys(IReadOnlyDictionary<int, AdvertisedKeys> keys)
    {
        foreach (int v in Neighbours)
        {
            _keys[v] = keys[v];
        }

        var holders = Holders(Id, Neighbours);
        var points = Enumerable.Range(1, holders.Count).ToArray();
        var seedShares = Shamir.Split(_selfSeed, Threshold, points);
        var keyShares = Shamir.Split(_mask.ExportParameters(true).D, Threshold, points);
        var sent = new List<EncryptedShares>();
        for (int j = 0; j < holders.Count; j++)
        {
            if (holders[j] == Id)
            {
                _held[Id] = (points[j], seedShares[j], keyShares[j]);
                continue;
            }

            var plain = Encode(Id, holders[j], points[j], seedShares[j], keyShares[j]);
            var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
            var cipher = new byte[plain.Length];
            var tag = new byte[AesGcm.TagByteSizes.MaxSize];
            using var gcm = new AesGcm(ChannelKey(holders[j]), tag.Length);
            gcm.Encrypt(nonce, plain, cipher, tag, Header(Id, holders[j]));
            sent.Add(new EncryptedShares(Id, holders[j], nonce, cipher, tag));
        }

        return sent;
    }

    /// <summary>Round 1, receiving: decrypts and keeps another client's shares.</summary>
    public void Receive(EncryptedShares message)
    {
        var plain = new byte[message.Ciphertext.Length];
        using var gcm = new AesGcm(ChannelKey(message.From), message.Tag.Length);
        gcm.Decrypt(message.Nonce, message.Ciphertext, message.Tag, plain, Header(message.From, Id));
        var (from, to, x, seed, key) = Decode(plain);
        if (from != message.From || to != Id)
        {
            throw new CryptographicException($"Client {Id} received shares addressed from {from} to {to} in a message from {message.From}.");
        }

        _held[from] = (x, seed, key);
    }

    /// <summary>
    /// Round 2's view of who shared (Bonawitz et al.'s U₂): the client masks only with the neighbours in
    /// <paramref name="sharers"/>, those whose shares the server relayed to it; a neighbour that dropped before sharing is
    /// out of the round, and the server leaves it out of the unmasking too (<see cref="SecAggServer.LeftBeforeSharing"/>).
    /// </summary>
    public void MaskOnlyWith(IReadOnlySet<int> sharers) => Neighbours = Neighbours.Where(sharers.Contains).ToArray();

    /// <summary>Round 2: the masked input.</summary>
    public uint[] Mask(ReadOnlySpan<uint> input)
    {
        var y = new uint[input.Length];
        Mask(input, y);
        return y;
    }

    /// <summary>
    /// Round 2 into a caller-owned buffer: <paramref name="into"/> gets the masked input, its self mask added and each
    /// pairwise mask added (towards a larger id) or taken off (towards a smaller one), expanded on every core
    /// (<see cref="MaskAccumulator"/>).
    /// </summary>
    public void Mask(ReadOnlySpan<uint> input, uint[] into)
    {
        if (into.Length != input.Length)
        {
            throw new ArgumentException($"Client {Id}'s masking buffer holds {into.Length} words; the input has {input.Length}.");
        }

        input.CopyTo(into);
        var masks = new List<SignedMask>(Neighbours.Count + 1) { new(MaskGenerator.Key(_selfSeed), Subtract: false) };
        masks.AddRange(Neighbours.Select(v => new SignedMask(MaskGenerator.Key(PairwiseSecret(_mask, _keys[v].MaskKey)), Subtract: Id > v)));
        MaskAccumulator.Apply(masks, into);
    }

    /// <summary>Round 3: for each client whose shares it holds, the share of its seed (it survived) or of its mask key (it dropped).</summary>
    public IEnumerable<RevealedShare> Unmask(IReadOnlySet<int> survivors) =>
        _held.Select(h => survivors.Contains(h.Key)
            ? new RevealedShare(Id, h.Key, true, h.Value.X, h.Value.SelfSeed)
            : new RevealedShare(Id, h.Key, false, h.Value.X, h.Value.MaskKey));

    /// <summary>The holders of a client's shares, in share order: the client itself, then its neighbours ascending.</summary>
    public static IReadOnlyList<int> Holders(int client, IReadOnlyList<int> neighbours) => [client, .. neighbours.Order()];

    /// <summary>The raw ECDH agreement of a private key with a public key, the secret both ends share.</summary>
    public static byte[] PairwiseSecret(ECDiffieHellman own, byte[] otherPublicKey)
    {
        using var other = ECDiffieHellman.Create();
        other.ImportSubjectPublicKeyInfo(otherPublicKey, out _);
        return own.DeriveRawSecretAgreement(other.PublicKey);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _mask.Dispose();
    }

    /// <summary>The AES-GCM key of the share channel with <paramref name="other"/>, agreed once and kept for the receiving direction.</summary>
    private byte[] ChannelKey(int other)
    {
        if (!_channelKeys.TryGetValue(other, out var key))
        {
            var raw = PairwiseSecret(_channel, _keys[other].ChannelKey);
            key = HKDF.DeriveKey(HashAlgorithmName.SHA256, raw, 32, salt: [], info: "FedSec SecAgg share channel v1"u8.ToArray());
            _channelKeys[other] = key;
        }

        return key;
    }

    private static byte[] Header(int from, int to) => BitConverter.GetBytes(((long)from << 32) | (uint)to);

    private static byte[] Encode(int from, int to, int x, BigInteger seed, BigInteger key)
    {
        var buffer = new byte[12 + (2 * 66)];
        BitConverter.TryWriteBytes(buffer.AsSpan(0, 4), from);
        BitConverter.TryWriteBytes(buffer.AsSpan(4, 4), to);
        BitConverter.TryWriteBytes(buffer.AsSpan(8, 4), x);
        WriteRightAligned(seed, buffer.AsSpan(12, 66));
        WriteRightAligned(key, buffer.AsSpan(78, 66));
        return buffer;
    }

    private static void WriteRightAligned(BigInteger value, Span<byte> slot)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(slot[(slot.Length - bytes.Length)..]);
    }

    private static (int From, int To, int X, BigInteger Seed, BigInteger Key) Decode(byte[] b)
    {
        static BigInteger Read(ReadOnlySpan<byte> s) => new(s, isUnsigned: true, isBigEndian: true);
        return (BitConverter.ToInt32(b, 0), BitConverter.ToInt32(b, 4), BitConverter.ToInt32(b, 8), Read(b.AsSpan(12, 66)), Read(b.AsSpan(78, 66)));
    }
}
