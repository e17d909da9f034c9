using FedSec.Aggregation;
using FedSec.Defenses.Krum;

namespace FedSec.Attacks.Fang;

/// <summary>
/// The pure kernel of Fang et al.'s full-knowledge attack on Krum (Fang, Cao, Jia and Gong, "Local model poisoning
/// attacks to Byzantine-robust federated learning", USENIX Security 2020, Section 4.2), in delta space: the malicious
/// delta is −λ·s, s = sign of the benign mean delta (the direction the global model would move without attack), with
/// λ starting at the paper's upper bound and halved until Krum selects it or λ falls below the threshold.
/// </summary>
internal static class FangKrumKernel
{
    /// <summary>
    /// The paper's upper bound on λ for m clients of which c are malicious, over d coordinates:
    /// 1/((m − 2c − 1)√d) · minᵢ Σ_{l ∈ Γᵢ} D(wₗ, wᵢ) + 1/√d · maxᵢ D(wᵢ, G), with i over the benign clients and Γᵢ
    /// the m − c − 2 benign updates nearest to wᵢ (D the Euclidean distance; D(wᵢ, G) = ‖Δᵢ‖). The first term is
    /// dropped where its premise (m − 2c − 1 &gt; 0 and m − c − 2 ≥ 1) fails.
    /// </summary>
    public static double UpperBound(IReadOnlyList<float[]> benign, double[,] benignSquared, int c)
    {
        int nb = benign.Count, m = nb + c, d = benign[0].Length;
        double sqrtD = Math.Sqrt(d);
        double maxNorm = VectorNorms.L2(benign).Max();
        int k = Math.Min(m - c - 2, nb - 1);
        double first = 0;
        if (m - (2 * c) - 1 > 0 && k >= 1)
        {
            double min = double.PositiveInfinity;
            var row = new double[nb - 1];
            for (int i = 0; i < nb; i++)
            {
                int t = 0;
                for (int l = 0; l < nb; l++)
                {
                    if (l != i)
                    {
                        row[t++] = Math.Sqrt(benignSquared[i, l]);
                    }
                }

                Array.Sort(row);
                double s = 0;
                for (int l = 0; l < k; l++)
                {
                    s += row[l];
                }

                min = Math.Min(min, s);
            }

            first = min / ((m - (2 * c) - 1) * sqrtD);
        }

        return first + (maxNorm / sqrtD);
    }

    /// <summary>
    /// Forges the delta all <paramref name="c"/> malicious clients send, against Krum with <paramref name="krumF"/>
    /// tolerated Byzantine clients over the benign deltas plus the c copies. Returns the delta, its λ, and whether Krum
    /// selected it (false when λ fell below <paramref name="threshold"/> first; the last λ tried is sent then).
    /// </summary>
    public static (float[] Delta, double Lambda, bool Selected) Forge(IReadOnlyList<float[]> benign, int c, int krumF, double threshold)
    {
        var mean = WeightedMean.Unweighted(benign);
        var s = new float[mean.Length];
        for (int j = 0; j < s.Length; j++)
        {
            s[j] = MathF.Sign(mean[j]);
        }

        var benignSquared = PairwiseDistances.Squared(benign);
        double lambda = UpperBound(benign, benignSquared, c);
        int nb = benign.Count, n = nb + c;
        var delta = new float[s.Length];
        while (true)
        {
            for (int j = 0; j < s.Length; j++)
            {
                delta[j] = (float)(-lambda * s[j]);
            }

            if (n - krumF - 2 < 1)
            {
                // Krum cannot score this round; the bound itself is the paper's best guess.
                return (delta, lambda, false);
            }

            var all = new double[n, n];
            for (int i = 0; i < nb; i++)
            {
                for (int j = 0; j < nb; j++)
                {
                    all[i, j] = benignSquared[i, j];
                }

                double toForged = PairwiseDistances.SquaredDistance(benign[i], delta);
                for (int j = nb; j < n; j++)
                {
                    all[i, j] = all[j, i] = toForged;
                }
            }

            // Copies after the benign updates: Krum's ties go to the lower index, i.e. against the attacker.
            int chosen = KrumScores.SelectLowest(KrumScores.Compute(all, krumF), 1)[0];
            if (chosen >= nb)
            {
                return (delta, lambda, true);
            }

            if (lambda / 2 < threshold)
            {
                return (delta, lambda, false);
            }

            lambda /= 2;
        }
    }
}
