using System.Numerics;
using System.Security.Cryptography;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Shamir's t-of-n secret sharing (Shamir, "How to share a secret", 1979) over the prime field GF(2⁵²¹ − 1), which holds
/// any 32-byte secret (a P-256 private key, a mask seed): the secret is the constant term of a random polynomial of
/// degree t − 1, share j is its value at x = j, and any t shares give it back by Lagrange interpolation at 0. The
/// coefficients come from the OS's cryptographic generator.
/// </summary>
internal static class Shamir
{
    /// <summary>The field's prime, 2⁵²¹ − 1 (a Mersenne prime).</summary>
    public static readonly BigInteger Prime = (BigInteger.One << 521) - 1;

    /// <summary>Shares of <paramref name="secret"/> (at most 64 bytes) at x = each of <paramref name="points"/> (distinct, ≥ 1); any <paramref name="threshold"/> recover it.</summary>
    public static BigInteger[] Split(ReadOnlySpan<byte> secret, int threshold, IReadOnlyList<int> points)
    {
        if (threshold < 1 || threshold > points.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The threshold must be between 1 and the {points.Count} shares.");
        }

        var coefficients = new BigInteger[threshold];
        coefficients[0] = new BigInteger(secret, isUnsigned: true, isBigEndian: true);
        for (int i = 1; i < threshold; i++)
        {
            coefficients[i] = RandomElement();
        }

        var shares = new BigInteger[points.Count];
        for (int j = 0; j < points.Count; j++)
        {
            // Horner's rule at x = points[j].
            BigInteger x = points[j], y = BigInteger.Zero;
            for (int i = threshold - 1; i >= 0; i--)
            {
                y = ((y * x) + coefficients[i]) % Prime;
            }

            shares[j] = y;
        }

        return shares;
    }

    /// <summary>The secret from shares (x, y) with distinct x; with fewer than the threshold the result is meaningless.</summary>
    public static byte[] Combine(IReadOnlyList<(int X, BigInteger Y)> shares, int secretLength)
    {
        BigInteger secret = BigInteger.Zero;
        for (int j = 0; j < shares.Count; j++)
        {
            BigInteger numerator = BigInteger.One, denominator = BigInteger.One;
            for (int m = 0; m < shares.Count; m++)
            {
                if (m != j)
                {
                    numerator = numerator * shares[m].X % Prime;
                    denominator = denominator * Mod(shares[m].X - shares[j].X) % Prime;
                }
            }

            BigInteger lagrange = numerator * BigInteger.ModPow(denominator, Prime - 2, Prime) % Prime;
            secret = (secret + (shares[j].Y * lagrange)) % Prime;
        }

        var bytes = secret.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > secretLength)
        {
            throw new CryptographicException("The shares do not combine to a secret of the expected length (too few or inconsistent shares).");
        }

        var result = new byte[secretLength];
        bytes.CopyTo(result.AsSpan(secretLength - bytes.Length));
        return result;
    }

    private static BigInteger Mod(BigInteger a) => ((a % Prime) + Prime) % Prime;

    private static BigInteger RandomElement()
    {
        Span<byte> bytes = stackalloc byte[66];
        while (true)
        {
            RandomNumberGenerator.Fill(bytes);
            bytes[0] &= 0x01; // 521 bits
            var v = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            if (v < Prime)
            {
                return v;
            }
        }
    }
}
