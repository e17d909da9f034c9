using MathNet.Numerics;

namespace FedSec.Privacy.Accounting;

/// <summary>
/// Arithmetic on numbers held as their logarithms, as the RDP analysis of the sampled Gaussian needs (its terms span
/// hundreds of orders of magnitude). <see cref="LogErfc"/> uses MathNet's erfc where it is representable and the
/// asymptotic series of erfc past x = 20, where erfc(x) &lt; 1e-175 heads for underflow (SciPy's <c>log_ndtr</c>,
/// which Opacus and TF Privacy call, does the same).
/// </summary>
internal static class LogSpace
{
    /// <summary>log(e^a + e^b).</summary>
    public static double Add(double a, double b)
    {
        double lo = Math.Min(a, b), hi = Math.Max(a, b);
        return double.IsNegativeInfinity(lo) ? hi : Math.Log(1 + Math.Exp(lo - hi)) + hi;
    }

    /// <summary>log(e^a − e^b) for a ≥ b; −∞ when they are equal.</summary>
    public static double Sub(double a, double b)
    {
        if (a < b)
        {
            throw new ArgumentException($"log-space subtraction needs a ≥ b; got a = {a}, b = {b}.", nameof(a));
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        if (a == b)
        {
            return double.NegativeInfinity;
        }

        double d = a - b;
        return d > 700 ? a : Math.Log(Math.Exp(d) - 1) + b;
    }

    /// <summary>log(erfc(x)), accurate for large x.</summary>
    public static double LogErfc(double x)
    {
        if (x < 20)
        {
            return Math.Log(SpecialFunctions.Erfc(x));
        }

        // erfc(x) = e^{-x²}/(x√π) · (1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶) + 105/(16x⁸) − …); at x ≥ 20 the next term is below 1e-13.
        double r = 1 / (2 * x * x);
        double series = 1 - r + (3 * r * r) - (15 * r * r * r) + (105 * r * r * r * r);
        return (-x * x) - Math.Log(x) - (0.5 * Math.Log(Math.PI)) + Math.Log(series);
    }

    /// <summary>log Φ(x), the logarithm of the standard normal CDF.</summary>
    public static double LogNormalCdf(double x) => Math.Log(0.5) + LogErfc(-x / Math.Sqrt(2));
}
