using System.Security.Cryptography;

namespace FedSec.Privacy.Mechanisms;

/// <summary>
/// A <see cref="Random"/> whose draws come from the operating system's cryptographic generator
/// (<see cref="RandomNumberGenerator"/>), for DP noise that nobody can recompute from the experiment's seed
/// (<c>dp_args.secure_noise</c>). Doubles carry 53 random bits, uniform on [0, 1). Not reproducible by design.
/// </summary>
internal sealed class CryptoRandom : Random
{
    public override double NextDouble() => Sample();

    public override int Next() => RandomNumberGenerator.GetInt32(int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : RandomNumberGenerator.GetInt32(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue == maxValue ? minValue : RandomNumberGenerator.GetInt32(minValue, maxValue);
    }

    public override void NextBytes(byte[] buffer) => RandomNumberGenerator.Fill(buffer);

    public override void NextBytes(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);

    protected override double Sample() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    private static ulong NextBits()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
