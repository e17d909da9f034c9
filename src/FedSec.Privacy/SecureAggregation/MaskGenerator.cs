using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Expands a shared secret into a mask of d 32-bit words: the key is HKDF-SHA256 of the secret (RFC 5869), and the words
/// are AES-128 in counter mode (NIST SP 800-38A, CTR: AES of successive 128-bit counter blocks), both from
/// System.Security.Cryptography (.NET has no CTR mode, so CTR is AES-ECB over the counter blocks, which is its
/// definition). Two parties that agree the secret get the same mask.
/// </summary>
internal static class MaskGenerator
{
    private static readonly byte[] Info = "FedSec SecAgg mask v1"u8.ToArray();

    /// <summary>The mask of <paramref name="length"/> words for <paramref name="secret"/>.</summary>
    public static uint[] Expand(ReadOnlySpan<byte> secret, int length)
    {
        var mask = new uint[length];
        ExpandInto(secret, mask);
        return mask;
    }

    /// <summary>Writes the mask for <paramref name="secret"/> into <paramref name="mask"/>.</summary>
    public static void ExpandInto(ReadOnlySpan<byte> secret, Span<uint> mask)
    {
        Span<byte> key = stackalloc byte[16];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, salt: ReadOnlySpan<byte>.Empty, info: Info);
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var bytes = MemoryMarshal.AsBytes(mask);
        int blocks = (bytes.Length + 15) / 16;
        const int Chunk = 4096; // blocks per call: 64 KB of counters, then encrypted in place
        var counters = new byte[Chunk * 16];
        for (int start = 0; start < blocks; start += Chunk)
        {
            int n = Math.Min(Chunk, blocks - start);
            var span = counters.AsSpan(0, n * 16);
            span.Clear();
            for (int b = 0; b < n; b++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(span.Slice((b * 16) + 8, 8), (ulong)(start + b));
            }

            aes.EncryptEcb(span, span, PaddingMode.None);
            int offset = start * 16, take = Math.Min(span.Length, bytes.Length - offset);
            span[..take].CopyTo(bytes.Slice(offset, take));
        }
    }
}
