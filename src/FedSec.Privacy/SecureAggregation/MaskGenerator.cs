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
        long firstBlock = firstWord / WordsPerBlock;
        var bytes = MemoryMarshal.AsBytes(mask);
        int whole = bytes.Length / 16;

        // The counter blocks are written into the mask itself and encrypted in place, a chunk at a time (no second
        // buffer, no copy); a last partial block (d not a multiple of 4) goes through a block of its own.
        const int Chunk = 4096;
        for (int start = 0; start < whole; start += Chunk)
        {
            int n = Math.Min(Chunk, whole - start);
            var span = bytes.Slice(start * 16, n * 16);
            Counters(firstBlock + start, MemoryMarshal.Cast<byte, ulong>(span));
            aes.EncryptEcb(span, span, PaddingMode.None);
        }

        int rest = bytes.Length - (whole * 16);
        if (rest > 0)
        {
            Span<byte> last = stackalloc byte[16];
            Counters(firstBlock + whole, MemoryMarshal.Cast<byte, ulong>(last));
            aes.EncryptEcb(last, last, PaddingMode.None);
            last[..rest].CopyTo(bytes[(whole * 16)..]);
        }
    }

    /// <summary>Counter blocks from <paramref name="first"/> on: 8 zero bytes, then the block index big-endian.</summary>
    private static void Counters(long first, Span<ulong> blocks)
    {
        for (int b = 0; b < blocks.Length / 2; b++)
        {
            blocks[2 * b] = 0;
            blocks[(2 * b) + 1] = BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness((ulong)(first + b)) : (ulong)(first + b);
        }
    }
}
