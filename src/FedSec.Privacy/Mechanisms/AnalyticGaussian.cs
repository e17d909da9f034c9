using FedSec.Privacy.Accounting;

namespace FedSec.Privacy.Mechanisms;

/// <summary>
/// The Gaussian mechanism's noise for one release at (ε, δ), calibrated exactly (Balle and Wang, "Improving the Gaussian
/// mechanism for differential privacy: analytical calibration and optimal denoising", ICML 2018, Theorem 8): the
/// smallest σ with Φ(Δ/(2σ) − εσ/Δ) − e^ε Φ(−Δ/(2σ) − εσ/Δ) ≤ δ, found by bisection on σ/Δ (the left side falls as σ
/// grows). Valid for every ε &gt; 0, unlike the classic σ = Δ√(2 ln(1.25/δ))/ε (Dwork and Roth 2014, Theorem A.1), which
/// holds only for ε &lt; 1 and is always larger; FedML uses the classic one and refuses ε &gt; 1.
/// </summary>
public static class AnalyticGaussian
{
    /// <summary>δ of the Gaussian mechanism with noise σ = <paramref name="noiseOverSensitivity"/>·Δ at ε.</summary>
    public static double Delta(double epsilon, double noiseOverSensitivity)
    {
        double s = noiseOverSensitivity;
        double a = (1 / (2 * s)) - (epsilon * s), b = (-1 / (2 * s)) - (epsilon * s);
        return Math.Exp(LogSpace.LogNormalCdf(a)) - Math.Exp(epsilon + LogSpace.LogNormalCdf(b));
    }

    /// <summary>σ for one release of a query with L2 sensitivity Δ at (ε, δ).</summary>
    public static double Sigma(double epsilon, double delta, double sensitivity)
    {
        PrivacyArguments.CheckEpsilon(epsilon, nameof(epsilon));
        PrivacyArguments.CheckDelta(delta, nameof(delta));
        if (!(sensitivity > 0) || !double.IsFinite(sensitivity))
        {
            throw new ArgumentOutOfRangeException(nameof(sensitivity), sensitivity, $"The sensitivity must be a finite number > 0; got {sensitivity}.");
        }

        double lo = 1e-12, hi = 1;
        while (Delta(epsilon, hi) > delta)
        {
            lo = hi;
            hi *= 2;
        }

        for (int i = 0; i < 200 && (hi - lo) > 1e-13 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Delta(epsilon, mid) > delta)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi * sensitivity;
    }

    /// <summary>The classic σ = Δ√(2 ln(1.25/δ))/ε (Dwork and Roth 2014, Theorem A.1; valid for ε &lt; 1), for comparison.</summary>
    public static double ClassicSigma(double epsilon, double delta, double sensitivity) =>
        sensitivity * Math.Sqrt(2 * Math.Log(1.25 / delta)) / epsilon;
}
