namespace FedSec.Defenses.Krum;

/// <summary>The Krum score kernel (Blanchard et al., NeurIPS 2017), pure and separate from orchestration.</summary>
public static class KrumScores
{
    /// <summary>
    /// score(i) = Σ of the n − f − 2 smallest ‖wᵢ − wⱼ‖² over j ≠ i, from the matrix of squared distances.
    /// </summary>
    public static double[] Compute(double[,] squaredDistances, int f)
    {
        ArgumentNullException.ThrowIfNull(squaredDistances);
        int n = squaredDistances.GetLength(0);
        int neighbours = n - f - 2;
        if (neighbours < 1)
        {
            throw new ArgumentException($"Krum needs n − f − 2 ≥ 1 neighbours; n = {n}, f = {f}.", nameof(f));
        }

        var scores = new double[n];
        var row = new double[n - 1];
        for (int i = 0; i < n; i++)
        {
            int k = 0;
            for (int j = 0; j < n; j++)
            {
                if (j != i)
                {
                    row[k++] = squaredDistances[i, j];
                }
            }

            Array.Sort(row);
            double s = 0;
            for (int t = 0; t < neighbours; t++)
            {
                s += row[t];
            }

            scores[i] = s;
        }

        return scores;
    }

    /// <summary>The indices of the <paramref name="m"/> lowest scores, lowest first (ties by index).</summary>
    public static int[] SelectLowest(IReadOnlyList<double> scores, int m)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ThenBy(i => i).Take(m).ToArray();
    }
}
