namespace FedSec.Privacy.Accounting;

/// <summary>
/// Rényi differential privacy of one step of the sampled Gaussian mechanism (Mironov, Talwar and Zhang, "Rényi
/// differential privacy of the sampled Gaussian mechanism", 2019): each record (here, each client) is in the step with
/// probability q, the step's sum of L2-bounded contributions gets N(0, (z·S)²) noise, S the bound. For integer orders
/// α, A_α = Σₖ C(α,k)(1−q)^{α−k} q^k exp((k²−k)/(2z²)); for fractional α their two-sided series (Section 3.3); the RDP
/// is log(A_α)/(α−1). The numbers follow Opacus's <c>analysis/rdp.py</c> (itself TF Privacy's) term by term, so its
/// published values are met to the last digits.
/// </summary>
public static class SampledGaussianRdp
{
    /// <summary>The RDP ε(α) of one step; +∞ when there is no privacy at that order.</summary>
    /// <param name="sampleRate">q, in (0, 1].</param>
    /// <param name="noiseMultiplier">z: the noise's standard deviation over the sensitivity, &gt; 0.</param>
    /// <param name="order">α &gt; 1.</param>
    public static double Rdp(double sampleRate, double noiseMultiplier, double order)
    {
        PrivacyArguments.CheckSampleRate(sampleRate, nameof(sampleRate));
        PrivacyArguments.CheckNoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        PrivacyArguments.CheckOrder(order, nameof(order));
        if (sampleRate == 1.0)
        {
            return order / (2 * noiseMultiplier * noiseMultiplier);
        }

        if (double.IsPositiveInfinity(order))
        {
            return double.PositiveInfinity;
        }

        double logA = order == Math.Floor(order) && order <= int.MaxValue
            ? LogAForIntegerOrder(sampleRate, noiseMultiplier, (int)order)
            : LogAForFractionalOrder(sampleRate, noiseMultiplier, order);
        return logA / (order - 1);
    }

    /// <summary>The RDP of one step at each of <paramref name="orders"/>.</summary>
    public static double[] Rdp(double sampleRate, double noiseMultiplier, IReadOnlyList<double> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var rdp = new double[orders.Count];
        for (int i = 0; i < rdp.Length; i++)
        {
            rdp[i] = Rdp(sampleRate, noiseMultiplier, orders[i]);
        }

        return rdp;
    }

    private static double LogAForIntegerOrder(double q, double sigma, int alpha)
    {
        double logA = double.NegativeInfinity, logBinomial = 0, logQ = Math.Log(q), log1MinusQ = Math.Log(1 - q);
        for (int i = 0; i <= alpha; i++)
        {
            if (i > 0)
            {
                // log C(α, i) from log C(α, i − 1), exactly as the ratio (α − i + 1)/i.
                logBinomial += Math.Log(alpha - i + 1) - Math.Log(i);
            }

            double s = logBinomial + (i * logQ) + ((alpha - i) * log1MinusQ) + (((double)i * i) - i) / (2 * sigma * sigma);
            logA = LogSpace.Add(logA, s);
        }

        return logA;
    }

    private static double LogAForFractionalOrder(double q, double sigma, double alpha)
    {
        // The two parts of A_α, integrals over (−∞, z0] and [z0, +∞), start at 0 (−∞ in log space).
        double logA0 = double.NegativeInfinity, logA1 = double.NegativeInfinity;
        double z0 = (sigma * sigma * Math.Log((1 / q) - 1)) + 0.5;
        double logQ = Math.Log(q), log1MinusQ = Math.Log(1 - q), sqrt2Sigma = Math.Sqrt(2) * sigma;
        double binomial = 1;
        for (int i = 0; i < 100_000; i++)
        {
            if (i > 0)
            {
                binomial *= (alpha - i + 1) / i;
            }

            double logCoefficient = Math.Log(Math.Abs(binomial));
            double j = alpha - i;
            double logT0 = logCoefficient + (i * logQ) + (j * log1MinusQ);
            double logT1 = logCoefficient + (j * logQ) + (i * log1MinusQ);
            double logE0 = Math.Log(0.5) + LogSpace.LogErfc((i - z0) / sqrt2Sigma);
            double logE1 = Math.Log(0.5) + LogSpace.LogErfc((z0 - j) / sqrt2Sigma);
            double logS0 = logT0 + ((((double)i * i) - i) / (2 * sigma * sigma)) + logE0;
            double logS1 = logT1 + (((j * j) - j) / (2 * sigma * sigma)) + logE1;
            if (binomial > 0)
            {
                logA0 = LogSpace.Add(logA0, logS0);
                logA1 = LogSpace.Add(logA1, logS1);
            }
            else
            {
                logA0 = LogSpace.Sub(logA0, logS0);
                logA1 = LogSpace.Sub(logA1, logS1);
            }

            if (Math.Max(logS0, logS1) < -30)
            {
                break;
            }
        }

        return LogSpace.Add(logA0, logA1);
    }
}
