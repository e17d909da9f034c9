using System.Numerics.Tensors;

namespace FedSec.Aggregation;

/// <summary>
/// An order-independent weighted mean Σ wᵢxᵢ / Σ wᵢ of float vectors added one at a time (<c>train_args.exact_sum</c>):
/// per coordinate a fixed-point accumulator (<see cref="Int128"/> counting units of 2⁻⁶⁴) to which each update adds its
/// contribution wᵢ·xᵢ, and the total weight in units of 2⁻¹⁶; the mean is rounded to float once, at the end
/// (<see cref="MeanInto"/>). Integer addition is associative and commutative, so the result does not depend on the
/// order the updates arrive in, on the thread count, or on how the updates were split among processes: a server can
/// add each update as it arrives and drop it, holding d accumulators (16 bytes each) instead of n updates.
/// <para>
/// Precision: each contribution is computed per update as one double multiplication (float x widened, times w) and
/// rounded to the nearest multiple of 2⁻⁶⁴ (ties to even); each weight is rounded to a multiple of 2⁻¹⁶. Both roundings
/// depend on that update alone. With integer weights up to 2²⁹ (FedAvg's sample counts) the product is exact in double,
/// and it is a multiple of 2⁻⁶⁴ whenever |x| ≥ 2⁻⁴¹ (≈ 4.5e-13) or x = 0; then the mean is the exactly rounded
/// (to nearest, ties to even) float of the exact weighted mean. A smaller |x| is off by at most 2⁻⁶⁵ per contribution.
/// Identical updates with integer weights average to themselves exactly.
/// </para>
/// <para>
/// Range: every contribution must satisfy |w·x| &lt; 2⁴⁸ (≈ 2.8e14), every weight w ≤ 2⁴⁰, and at most 2¹⁴ updates are
/// added, so the sums stay below 2¹²⁶ and 2⁷⁰ whatever the order; an update outside that range is refused with an
/// <see cref="ExactSumRangeException"/> naming its client and the offending index, never wrapped.
/// </para>
/// <para>
/// Written by hand: .NET has no exact (or reproducible) floating-point accumulation (no superaccumulator in the BCL or
/// in System.Numerics.Tensors, nothing in the NuGet list; MathNet.Numerics sums in double), and BigInteger or decimal
/// per coordinate would allocate per element and be orders of magnitude slower.
/// </para>
/// Not thread-safe: one <see cref="Add"/> at a time (each spreads its coordinates over the cores).
/// </summary>
public sealed class ExactWeightedSum
{
    /// <summary>Fraction bits of a contribution: the accumulators count units of 2⁻⁶⁴.</summary>
    public const int FractionBits = 64;

    /// <summary>Fraction bits of a weight: the total weight counts units of 2⁻¹⁶.</summary>
    public const int WeightFractionBits = 16;

    /// <summary>|w·x| must be below this (2⁴⁸).</summary>
    public const double MaxContribution = 281474976710656.0;

    /// <summary>A weight must be at most this (2⁴⁰).</summary>
    public const double MaxWeight = 1099511627776.0;

    /// <summary>The most updates one sum takes (2¹⁴).</summary>
    public const int MaxTerms = 1 << 14;

    private const int Block = 16384;
    private readonly Int128[] _sums;
    private Int128 _weight;

    /// <summary>An empty sum of vectors of <paramref name="length"/> elements.</summary>
    public ExactWeightedSum(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _sums = new Int128[length];
    }

    /// <summary>The vectors' length.</summary>
    public int Length => _sums.Length;

    /// <summary>How many updates were added.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes the accumulators hold (16 per coordinate).</summary>
    public long Bytes => (long)_sums.Length * 16;

    /// <summary>
    /// Adds w·x. Throws <see cref="ExactSumRangeException"/> naming <paramref name="client"/> when the weight is
    /// negative, not finite or above <see cref="MaxWeight"/>, when a value is not finite or |w·x| ≥ <see cref="MaxContribution"/>,
    /// or when <see cref="MaxTerms"/> updates were added already; the sum is then unchanged.
    /// </summary>
    /// <param name="values">x, as long as the sum.</param>
    /// <param name="weight">w (FedAvg: the sample count).</param>
    /// <param name="client">The client the update came from, for the error message.</param>
    public void Add(ReadOnlyMemory<float> values, double weight, int client)
    {
        if (values.Length != _sums.Length)
        {
            throw new ArgumentException($"Client {client}'s update has {values.Length} values; the sum has {_sums.Length}.", nameof(values));
        }

        if (!double.IsFinite(weight) || weight < 0 || weight > MaxWeight)
        {
            throw new ExactSumRangeException(client, $"Client {client}'s aggregation weight {weight} is outside the exact sum's range [0, 2^40].");
        }

        if (Count >= MaxTerms)
        {
            throw new ExactSumRangeException(client, $"Client {client}'s update is the exact sum's {MaxTerms + 1}th; it takes at most {MaxTerms} (2^14) updates.");
        }

        if (values.Length > 0 && weight > 0)
        {
            float largest = TensorPrimitives.MaxMagnitude(values.Span);
            if (!(Math.Abs((double)largest) * weight < MaxContribution))
            {
                int at = FirstOutOfRange(values.Span, weight);
                throw new ExactSumRangeException(
                    client,
                    $"Client {client}'s update holds {values.Span[at]} at index {at}, times its weight {weight}, outside the exact sum's range (|w·x| < 2^48 ≈ 2.8e14, finite).");
            }

            Accumulate(values, weight);
        }

        _weight += RoundToUnits(weight, WeightFractionBits);
        Count++;
    }

    /// <summary>
    /// Writes the weighted mean, each coordinate rounded once to the nearest float (ties to even), into
    /// <paramref name="destination"/>. Throws <see cref="InvalidOperationException"/> when nothing or only zero weight was added.
    /// </summary>
    public void MeanInto(Memory<float> destination)
    {
        if (destination.Length != _sums.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} elements; the sum has {_sums.Length}.", nameof(destination));
        }

        if (_weight <= 0)
        {
            throw new InvalidOperationException(Count == 0 ? "Nothing to aggregate: no update was added to the exact sum." : "The exact sum's weights add up to zero.");
        }

        var total = (UInt128)_weight;
        var sums = _sums;
        if (sums.Length <= Block)
        {
            var target = destination.Span;
            for (int j = 0; j < sums.Length; j++)
            {
                target[j] = Divide(sums[j], total);
            }

            return;
        }

        int blocks = (sums.Length + Block - 1) / Block;
        Parallel.For(0, blocks, b =>
        {
            var target = destination.Span;
            int end = Math.Min(sums.Length, (b + 1) * Block);
            for (int j = b * Block; j < end; j++)
            {
                target[j] = Divide(sums[j], total);
            }
        });
    }

    /// <summary>The weighted mean as a new array.</summary>
    public float[] Mean()
    {
        var result = GC.AllocateUninitializedArray<float>(_sums.Length);
        MeanInto(result);
        return result;
    }

    /// <summary>Forgets every update: the sum is empty again (the accumulators are reused).</summary>
    public void Clear()
    {
        Array.Clear(_sums);
        _weight = 0;
        Count = 0;
    }

    /// <summary>
    /// x rounded to the nearest multiple of 2^-<paramref name="fractionBits"/> (ties to even), in those units: exact on
    /// the double's bits (no further rounding), for |x| &lt; 2^(127 - fractionBits).
    /// </summary>
    internal static Int128 RoundToUnits(double x, int fractionBits)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased == 0)
        {
            if (mantissa == 0)
            {
                return Int128.Zero;
            }

            biased = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // |x| = mantissa · 2^(biased - 1075); in units: mantissa · 2^(biased - 1075 + fractionBits).
        int shift = biased - 1075 + fractionBits;
        Int128 units;
        if (shift >= 0)
        {
            units = (Int128)mantissa << shift;
        }
        else if (shift < -54)
        {
            units = Int128.Zero;
        }
        else
        {
            int drop = -shift;
            long kept = mantissa >> drop;
            long rest = mantissa & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            if (rest > half || (rest == half && (kept & 1) == 1))
            {
                kept++;
            }

            units = kept;
        }

        return bits < 0 ? -units : units;
    }

    /// <summary>sum / total (total &gt; 0, in units of 2^-16; sum in units of 2^-64) rounded once to the nearest float.</summary>
    internal static float Divide(Int128 sum, UInt128 total)
    {
        if (sum == Int128.Zero)
        {
            return 0f;
        }

        bool negative = sum < 0;
        var a = negative ? (UInt128)(-sum) : (UInt128)sum;

        // a · 2^t ∈ [2^127, 2^128); total < 2^71, so the quotient has at least 57 bits.
        int t = (int)UInt128.LeadingZeroCount(a);
        a <<= t;
        var q = a / total;
        bool inexact = a % total != UInt128.Zero;

        // Keep 53 bits and round to odd (the lowest bit records whether anything below was non-zero): the double is
        // then exact, and its rounding to float (24 bits, 29 fewer) equals the direct correct rounding of the quotient.
        int length = 128 - (int)UInt128.LeadingZeroCount(q);
        int s = length - 53;
        var mantissa = (ulong)(q >> s);
        inexact |= (q & ((UInt128.One << s) - 1)) != UInt128.Zero;
        if (inexact)
        {
            mantissa |= 1;
        }

        double value = Math.ScaleB((double)mantissa, s - t - FractionBits + WeightFractionBits);
        return negative ? -(float)value : (float)value;
    }

    private void Accumulate(ReadOnlyMemory<float> values, double weight)
    {
        if (values.Length <= Block)
        {
            AddBlock(values.Span, weight, _sums.AsSpan(0, values.Length));
            return;
        }

        var sums = _sums;
        int length = values.Length;
        int blocks = (length + Block - 1) / Block;
        Parallel.For(0, blocks, b =>
        {
            int start = b * Block, len = Math.Min(Block, length - start);
            AddBlock(values.Span.Slice(start, len), weight, sums.AsSpan(start, len));
        });
    }

    private static void AddBlock(ReadOnlySpan<float> values, double weight, Span<Int128> sums)
    {
        for (int j = 0; j < values.Length; j++)
        {
            float x = values[j];
            if (x != 0)
            {
                sums[j] += RoundToUnits(x * weight, FractionBits);
            }
        }
    }

    private static int FirstOutOfRange(ReadOnlySpan<float> values, double weight)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(Math.Abs((double)values[i]) * weight < MaxContribution))
            {
                return i;
            }
        }

        return 0;
    }
}
