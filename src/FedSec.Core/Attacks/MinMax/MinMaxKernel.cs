using FedSec.Aggregation;

namespace FedSec.Attacks.MinMax;

/// <summary>
/// The pure kernel of Min-Max and Min-Sum (Shejwalkar and Houmansadr, "Manipulating the Byzantine: optimizing model
/// poisoning attacks and defenses for federated learning", NDSS 2021): the malicious delta μ + γ·p with the largest γ
/// its distance constraint allows.
/// </summary>
internal static class MinMaxKernel
{
    /// <summary>The forged delta and the γ found.</summary>
    public static (float[] Delta, double Gamma) Forge(
        IReadOnlyList<float[]> benign,
        PerturbationKind kind,
        MinMaxObjective objective,
        double gammaInit,
        double tolerance)
    {
        var mean = WeightedMean.Unweighted(benign);
        var p = Perturbation(benign, mean, kind);
        double bound = Bound(benign, objective);
        var candidate = new float[mean.Length];
        double gamma = GammaSearch.Largest(g => Measure(Candidate(mean, p, g, candidate), benign, objective) <= bound, gammaInit, tolerance);
        return (Candidate(mean, p, gamma, new float[mean.Length]), gamma);
    }

    /// <summary>The perturbation p: −μ/‖μ‖ (0 when μ = 0), −sign(μ), or −σ.</summary>
    public static float[] Perturbation(IReadOnlyList<float[]> benign, float[] mean, PerturbationKind kind)
    {
        var p = new float[mean.Length];
        switch (kind)
        {
            case PerturbationKind.UnitVector:
                double norm = VectorNorms.L2(mean);
                if (norm > 0)
                {
                    for (int j = 0; j < p.Length; j++)
                    {
                        p[j] = (float)(-mean[j] / norm);
                    }
                }

                break;
            case PerturbationKind.Sign:
                for (int j = 0; j < p.Length; j++)
                {
                    p[j] = -MathF.Sign(mean[j]);
                }

                break;
            case PerturbationKind.Std:
                var std = CoordinateStandardDeviation.Of(benign, mean);
                for (int j = 0; j < p.Length; j++)
                {
                    p[j] = -std[j];
                }

                break;
        }

        return p;
    }

    /// <summary>
    /// The constraint's right-hand side over the benign deltas: the largest pairwise squared distance (Min-Max), or the
    /// largest sum of squared distances from one benign delta to the others (Min-Sum).
    /// </summary>
    public static double Bound(IReadOnlyList<float[]> benign, MinMaxObjective objective)
    {
        var d = PairwiseDistances.Squared(benign);
        int n = benign.Count;
        double bound = 0;
        for (int i = 0; i < n; i++)
        {
            double rowMax = 0, rowSum = 0;
            for (int j = 0; j < n; j++)
            {
                rowMax = Math.Max(rowMax, d[i, j]);
                rowSum += d[i, j];
            }

            bound = Math.Max(bound, objective == MinMaxObjective.MaxDistance ? rowMax : rowSum);
        }

        return bound;
    }

    /// <summary>
    /// The constraint's left-hand side for a candidate: its largest squared distance to a benign delta (Min-Max), or
    /// its sum of squared distances to them (Min-Sum).
    /// </summary>
    public static double Measure(ReadOnlySpan<float> candidate, IReadOnlyList<float[]> benign, MinMaxObjective objective)
    {
        double max = 0, sum = 0;
        foreach (var x in benign)
        {
            double d = PairwiseDistances.SquaredDistance(candidate, x);
            max = Math.Max(max, d);
            sum += d;
        }

        return objective == MinMaxObjective.MaxDistance ? max : sum;
    }

    private static float[] Candidate(float[] mean, float[] p, double gamma, float[] into)
    {
        for (int j = 0; j < into.Length; j++)
        {
            into[j] = (float)(mean[j] + (gamma * p[j]));
        }

        return into;
    }
}
