namespace FedSec.Attacks.Alie;

/// <summary>
/// The standard normal distribution's CDF Φ and quantile Φ⁻¹, written out because .NET has neither (nor erfc).
/// Φ⁻¹ is Acklam's rational approximation (relative error below 1.2·10⁻⁹) refined by one Halley step against an
/// accurate Φ, which brings it to double precision.
/// </summary>
internal static class StandardNormal
{
    private const double PLow = 0.02425;

    // Acklam's coefficients: central region (a, b) and tails (c, d).
    private static readonly double[] A = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
    private static readonly double[] B = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01 };
    private static readonly double[] C = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
    private static readonly double[] D = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };

    /// <summary>Φ(x) = ½·erfc(−x/√2).</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2.0));

    /// <summary>Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1).</summary>
    public static double InverseCdf(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability must lie in [0, 1].");
        }

        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Work in the lower half, where 1 − p is exact (Sterbenz) and Φ(x) is computed without cancellation.
        if (p > 0.5)
        {
            return -InverseCdf(1.0 - p);
        }

        double x;
        if (p < PLow)
        {
            double q = Math.Sqrt(-2.0 * Math.Log(p));
            x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
                ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
        }
        else
        {
            double q = p - 0.5, r = q * q;
            x = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q /
                (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
        }

        // One Halley step on Φ(x) − p.
        double e = Cdf(x) - p;
        double u = e * Math.Sqrt(2.0 * Math.PI) * Math.Exp(x * x / 2.0);
        return x - (u / (1.0 + (x * u / 2.0)));
    }

    /// <summary>
    /// The complementary error function: 1 − erf(z) from erf's series of positive terms for |z| &lt; 2, and the
    /// continued fraction (modified Lentz) beyond, where 1 − erf would lose the small tail to cancellation.
    /// </summary>
    public static double Erfc(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (z < 0)
        {
            return 2.0 - Erfc(-z);
        }

        if (z < 2.0)
        {
            // erf(z) = (2/√π)·e^{−z²}·Σₙ 2ⁿ z^{2n+1} / (1·3·…·(2n+1)).
            double term = z, sum = z, twoZ2 = 2.0 * z * z;
            for (int n = 1; n < 200 && term > 1e-17 * sum; n++)
            {
                term *= twoZ2 / ((2 * n) + 1);
                sum += term;
            }

            return 1.0 - (2.0 / Math.Sqrt(Math.PI) * Math.Exp(-z * z) * sum);
        }

        // erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))).
        const double tiny = 1e-300;
        double f = z, cc = z, dd = 0;
        for (int k = 1; k < 1000; k++)
        {
            double a = k / 2.0;
            dd = z + (a * dd);
            dd = dd == 0 ? tiny : 1.0 / dd;
            cc = z + (a / cc);
            if (cc == 0)
            {
                cc = tiny;
            }

            double delta = cc * dd;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-z * z) / (Math.Sqrt(Math.PI) * f);
    }
}
