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
    public int Quantize(ReadOnlySpan<float> x, double scale, Span<uint> into)
    {
        int saturated = 0;
        double c = ClippingRange;
        for (int i = 0; i < x.Length; i++)
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
