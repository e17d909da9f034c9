using System.Numerics;
using System.Runtime.Intrinsics;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Fixed-point quantisation for secure aggregation's integer arithmetic mod 2³²: a value x is clipped to [−c, c] (c the
/// clipping range) and mapped to round((x + c)/step) with step = 2c/Q, an integer in [0, Q]. A sum of n quantised values
/// stays below 2³² when n·Q &lt; 2³², and dequantises to Σx within n·step/2 for values inside the range. A value outside
/// [−c, c] saturates at ±c: the sum is then wrong by what was cut off, which is why <see cref="Quantize"/> counts them.
/// </summary>
internal sealed class FixedPoint
{
    public FixedPoint(double clippingRange, long quantizationRange)
    {
        ClippingRange = clippingRange;
        QuantizationRange = quantizationRange;
        Step = 2 * clippingRange / quantizationRange;
    }

    /// <summary>c.</summary>
    public double ClippingRange { get; }

    /// <summary>Q.</summary>
    public long QuantizationRange { get; }

    /// <summary>The value of one quantisation step, 2c/Q.</summary>
    public double Step { get; }

    /// <summary>Quantises <paramref name="x"/> scaled by <paramref name="scale"/>; returns how many values fell outside [−c, c].</summary>
    /// <remarks>
    /// Vectorised four doubles at a time with the same IEEE operations as the scalar tail (float → double, multiply,
    /// clamp, add, divide, round half to even), so every quantised value is the one the scalar definition gives. The
    /// rounded value r is an integer in [0, Q] ⊂ [0, 2³²); r + 2⁵² is exact and its low 32 bits are r.
    /// </remarks>
    public int Quantize(ReadOnlySpan<float> x, double scale, Span<uint> into)
    {
        if (into.Length < x.Length)
        {
            throw new ArgumentException($"The destination holds {into.Length} values; {x.Length} are needed.", nameof(into));
        }

        int saturated = 0;
        double c = ClippingRange;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vScale = Vector256.Create(scale);
            var vLow = Vector256.Create(-c);
            var vHigh = Vector256.Create(c);
            var vStep = Vector256.Create(Step);
            var magic = Vector256.Create(4503599627370496.0); // 2⁵²
            var evens = Vector256.Create(0u, 2, 4, 6, 0, 0, 0, 0);
            for (; i <= x.Length - 8; i += 8)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(x.Slice(i, 8)));
                Quantize4(lower * vScale, ref saturated).CopyTo(into.Slice(i, 4));
                Quantize4(upper * vScale, ref saturated).CopyTo(into.Slice(i + 4, 4));
            }

            Vector128<uint> Quantize4(Vector256<double> v, ref int saturated)
            {
                var outside = Vector256.GreaterThan(v, vHigh) | Vector256.LessThan(v, vLow);
                saturated += BitOperations.PopCount(outside.ExtractMostSignificantBits());
                v = Vector256.Min(Vector256.Max(v, vLow), vHigh);
                var r = Vector256.Round((v + vHigh) / vStep) + magic;
                return Vector256.Shuffle(r.AsUInt32(), evens).GetLower();
            }
        }

        for (; i < x.Length; i++)
        {
            double v = x[i] * scale;
            if (v > c || v < -c)
            {
                saturated++;
                v = Math.Clamp(v, -c, c);
            }

            into[i] = (uint)Math.Round((v + c) / Step, MidpointRounding.ToEven);
        }

        return saturated;
    }

    /// <summary>The sum of <paramref name="count"/> quantised values back in real numbers.</summary>
    public void Dequantize(ReadOnlySpan<uint> sum, int count, Span<float> into)
    {
        for (int i = 0; i < sum.Length; i++)
        {
            into[i] = (float)((sum[i] * Step) - (count * ClippingRange));
        }
    }

    /// <summary>The largest power of two Q with n·Q &lt; 2³², so a sum of n values in [0, Q] cannot wrap.</summary>
    public static long DefaultRange(int clients)
    {
        long q = 1L << 31;
        while (q * clients >= 1L << 32)
        {
            q >>= 1;
        }

        return q;
    }
}
