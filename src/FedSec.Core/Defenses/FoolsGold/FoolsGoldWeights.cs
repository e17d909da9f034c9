namespace FedSec.Defenses.FoolsGold;

/// <summary>
/// FoolsGold's weighting kernel (Fung, Yoon and Beschastnikh, "The limitations of federated learning in sybil
/// settings", RAID 2020, Algorithm 1), pure and separate from the history it is fed.
/// </summary>
public static class FoolsGoldWeights
{
    /// <summary>The value the authors' code substitutes for a rescaled weight of exactly 1, keeping the logit finite.</summary>
    public const double TopWeight = 0.99;

    /// <summary>
    /// From the cosine similarities of the clients' histories: vᵢ = max(0, maxⱼ≠ᵢ csᵢⱼ); pardoning csᵢⱼ ← csᵢⱼ·vᵢ/vⱼ
    /// when vⱼ &gt; vᵢ; αᵢ = 1 − max(0, maxⱼ≠ᵢ csᵢⱼ); α ← α / max α; αᵢ ← κ(ln(αᵢ/(1 − αᵢ)) + 0.5) clipped to
    /// [0, 1]. The 0 inside the maxima is the authors' code's zeroed diagonal (cs − I): a client unlike everyone
    /// keeps full weight. Returns all zeros when every client has an exact twin (max α = 0), and [1] for one client.
    /// </summary>
    public static double[] Compute(double[,] similarities, double kappa)
    {
        ArgumentNullException.ThrowIfNull(similarities);
        int n = similarities.GetLength(0);
        if (n == 1)
        {
            return new[] { 1.0 };
        }

        var cs = (double[,])similarities.Clone();
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = MaxOffDiagonal(cs, i);
        }

        // Pardoning: an honest client that happens to resemble a sybil is not punished as much as the sybil is.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j && v[j] > v[i])
                {
                    cs[i, j] *= v[i] / v[j];
                }
            }
        }

        var alpha = new double[n];
        for (int i = 0; i < n; i++)
        {
            alpha[i] = Math.Clamp(1.0 - MaxOffDiagonal(cs, i), 0.0, 1.0);
        }

        double max = alpha.Max();
        if (max <= 0)
        {
            return new double[n];
        }

        for (int i = 0; i < n; i++)
        {
            double a = alpha[i] / max;
            if (a >= 1.0)
            {
                a = TopWeight;
            }

            // ln(0) = −∞ clips to 0; the logit spreads the weights so that near-duplicates fall to zero fast.
            double w = kappa * (Math.Log(a / (1.0 - a)) + 0.5);
            alpha[i] = double.IsNaN(w) ? 0 : Math.Clamp(w, 0.0, 1.0);
        }

        return alpha;
    }

    private static double MaxOffDiagonal(double[,] cs, int i)
    {
        double m = 0;
        for (int j = 0; j < cs.GetLength(1); j++)
        {
            if (j != i)
            {
                m = Math.Max(m, cs[i, j]);
            }
        }

        return m;
    }
}
