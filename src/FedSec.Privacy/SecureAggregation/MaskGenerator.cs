using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Expands a shared secret into a mask of d 32-bit words: the key is HKDF-SHA256 of the secret (RFC 5869), and the words
/// are AES-128 in counter mode (NIST SP 800-38A, CTR: AES of successive 128-bit counter blocks), both from
/// System.Security.Cryptography (.NET has no CTR mode, so CTR is AES-ECB over the counter blocks, which is its
/// definition). Two parties that agree the secret get the same mask. Counter mode can start anywhere: block b holds
/// words 4b..4b+3, so a range of the mask is expanded without the words before it (<see cref="MaskAccumulator"/>
/// expands ranges on several cores).
/// </summary>
internal static class MaskGenerator
{
    /// <summary>Words per AES block.</summary>
    public const int WordsPerBlock = 4;

    private static readonly byte[] Info = "FedSec SecAgg mask v1"u8.ToArray();

    /// <summary>The mask of <paramref name="length"/> words for <paramref name="secret"/>.</summary>
    public static uint[] Expand(ReadOnlySpan<byte> secret, int length)
    {
        var mask = new uint[length];
        ExpandInto(secret, mask);
        return mask;
    }

    /// <summary>Writes the mask for <paramref name="secret"/> into <paramref name="mask"/>.</summary>
    public static void ExpandInto(ReadOnlySpan<byte> secret, Span<uint> mask) => ExpandRange(Key(secret), 0, mask);

    /// <summary>The AES-128 key HKDF-SHA256 derives from <paramref name="secret"/>.</summary>
    public static byte[] Key(ReadOnlySpan<byte> secret)
    {
        var key = new byte[16];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, salt: ReadOnlySpan<byte>.Empty, info: Info);
        return key;
    }

    /// <summary>
    /// Writes words <paramref name="firstWord"/>.. of the mask for <paramref name="key"/> into <paramref name="mask"/>;
    /// <paramref name="firstWord"/> is a multiple of <see cref="WordsPerBlock"/>.
    /// </summary>
    public static void ExpandRange(byte[] key, long firstWord, Span<uint> mask)
    {
        if (firstWord % WordsPerBlock != 0)
        {
            throw new ArgumentException($"A mask range starts at a block boundary (a multiple of {WordsPerBlock} words), not at word {firstWord}.", nameof(firstWord));
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var bytes = MemoryMarshal.AsBytes(mask);
        long firstBlock = firstWord / WordsPerBlock;
        int blocks = (bytes.Length + 15) / 16;
        const int Chunk = 4096; // blocks per call: 64 KB of counters, then encrypted in place
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(Chunk, Math.Max(blocks, 1)) * 16);
        try
        {
            Fill(aes, firstBlock, blocks, rented, bytes);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Fill(Aes aes, long firstBlock, int blocks, byte[] counters, Span<byte> bytes)
    {
        const int Chunk = 4096;
        for (int start = 0; start < blocks; start += Chunk)
        {
            int n = Math.Min(Chunk, blocks - start);
            var span = counters.AsSpan(0, n * 16);
            span.Clear();
            for (int b = 0; b < n; b++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(span.Slice((b * 16) + 8, 8), (ulong)(firstBlock + start + b));
            }

            aes.EncryptEcb(span, span, PaddingMode.None);
            int offset = start * 16, take = Math.Min(span.Length, bytes.Length - offset);
            span[..take].CopyTo(bytes.Slice(offset, take));
        }
    }
}
