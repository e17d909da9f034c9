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
    /// <remarks>
    /// Lagrange interpolation at 0: secret = Σⱼ yⱼ · Πₘ≠ⱼ xₘ / Πₘ≠ⱼ (xₘ − xⱼ). The points are small integers (1 … the number
    /// of holders), so each denominator is a small integer and its inverse mod p comes from a small extended Euclid
    /// (<see cref="InverseOfSmall"/>) instead of a 521-bit modular exponentiation per share.
    /// </remarks>
    public static byte[] Combine(IReadOnlyList<(int X, BigInteger Y)> shares, int secretLength)
    {
        BigInteger secret = BigInteger.Zero;
        for (int j = 0; j < shares.Count; j++)
        {
            BigInteger numerator = BigInteger.One;
            BigInteger denominator = BigInteger.One;
            for (int m = 0; m < shares.Count; m++)
            {
                if (m != j)
                {
                    numerator = numerator * shares[m].X % Prime;
                    denominator *= shares[m].X - shares[j].X;
                }
            }

            // With many holders (plain SecAgg over a hundred clients) the product of differences outgrows a word: then the
            // inverse is Fermat's, d^(p−2).
            BigInteger inverse = BigInteger.Abs(denominator) <= long.MaxValue
                ? InverseOfSmall((long)denominator)
                : BigInteger.ModPow(((denominator % Prime) + Prime) % Prime, Prime - 2, Prime);
            BigInteger lagrange = numerator * inverse % Prime;
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

    /// <summary>
    /// a⁻¹ mod p for a small nonzero integer a: with r = p mod |a| and k ≡ −r⁻¹ (mod |a|) (a word-sized extended Euclid),
    /// 1 + k·p is divisible by |a| and (1 + k·p)/|a| is |a|⁻¹; a negative a gives p − |a|⁻¹.
    /// </summary>
    internal static BigInteger InverseOfSmall(long a)
    {
        if (a == 0)
        {
            throw new CryptographicException("Two shares have the same point; Shamir shares must have distinct points.");
        }

        long m = Math.Abs(a);
        BigInteger inverse;
        if (m == 1)
        {
            inverse = BigInteger.One;
        }
        else
        {
            long r = (long)(Prime % m);
            long k = (m - ModularInverse(r, m)) % m;
            inverse = (BigInteger.One + (k * Prime)) / m;
        }

        return a > 0 ? inverse : Prime - inverse;
    }

    /// <summary>x⁻¹ mod m for gcd(x, m) = 1, by the extended Euclidean algorithm on machine words.</summary>
    private static long ModularInverse(long x, long m)
    {
        long oldR = x, r = m, oldS = 1, s = 0;
        while (r != 0)
        {
            long q = oldR / r;
            (oldR, r) = (r, oldR - (q * r));
            (oldS, s) = (s, oldS - (q * s));
        }

        if (oldR != 1)
        {
            throw new CryptographicException($"{x} has no inverse modulo {m}.");
        }

        return oldS < 0 ? oldS + m : oldS; // |oldS| < m, so one addition brings it into [0, m) without overflowing
    }

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
