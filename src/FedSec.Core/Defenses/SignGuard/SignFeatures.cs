namespace FedSec.Defenses.SignGuard;

/// <summary>SignGuard's sign statistics of each update (Xu et al., ICDCS 2022), pure.</summary>
public static class SignFeatures
{
    /// <summary>
    /// For each update, the fractions of positive, zero and negative values among <paramref name="coordinates"/>, each
    /// feature divided by its maximum over the updates (plus 10⁻⁸, as the authors' code) so that all three span [0, 1].
    /// </summary>
    public static double[][] Compute(IReadOnlyList<float[]> deltas, IReadOnlyList<int> coordinates)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        ArgumentNullException.ThrowIfNull(coordinates);
        int n = deltas.Count, k = coordinates.Count;
        var raw = new double[n][];
        for (int i = 0; i < n; i++)
        {
            int pos = 0, zero = 0, neg = 0;
            foreach (int j in coordinates)
            {
                float v = deltas[i][j];
                if (v > 0)
                {
                    pos++;
                }
                else if (v < 0)
                {
                    neg++;
                }
                else
                {
                    zero++;
                }
            }

            raw[i] = new[] { (double)pos / k, (double)zero / k, (double)neg / k };
        }

        for (int f = 0; f < 3; f++)
        {
            double max = raw.Max(r => r[f]);
            foreach (var r in raw)
            {
                r[f] /= max + 1e-8;
            }
        }

        return raw;
    }
}
