using FedSec.Defenses.Krum;

namespace FedSec.Defenses.Bulyan;

/// <summary>
/// Bulyan's first step (El Mhamdi, Guerraoui and Rouault, ICML 2018), pure: θ updates picked by iterated Krum. Each
/// step scores the remaining updates with Krum (<see cref="KrumScores"/>), moves the lowest score (ties to the smaller
/// total distance to the remaining updates, then to the lower index) into the selection and removes it from the
/// remaining set. Krum needs n − f − 2 ≥ 1 neighbours; in the last
/// steps the remaining set is smaller (2f + 1 when θ = n − 2f), so the neighbour count is kept at least 1 there.
/// </summary>
internal static class BulyanSelection
{
    /// <summary>The indices of the <paramref name="theta"/> selected updates, in selection order.</summary>
    /// <param name="squaredDistances">The n × n matrix of squared distances.</param>
    /// <param name="f">f, the number of Byzantine updates tolerated.</param>
    /// <param name="theta">θ, how many to select (θ ≤ n).</param>
    /// <param name="firstScores">The Krum scores over the whole set (the first step), for the verdicts.</param>
    public static int[] Select(double[,] squaredDistances, int f, int theta, out double[] firstScores)
    {
        ArgumentNullException.ThrowIfNull(squaredDistances);
        int n = squaredDistances.GetLength(0);
        if (theta < 1 || theta > n)
        {
            throw new ArgumentOutOfRangeException(nameof(theta), theta, $"θ must be between 1 and n = {n}.");
        }

        var remaining = Enumerable.Range(0, n).ToList();
        var selected = new List<int>(theta);
        firstScores = new double[n];
        while (selected.Count < theta)
        {
            int m = remaining.Count;
            int pick;
            if (m == 1)
            {
                pick = 0;
            }
            else
            {
                var sub = new double[m, m];
                for (int a = 0; a < m; a++)
                {
                    for (int b = 0; b < m; b++)
                    {
                        sub[a, b] = squaredDistances[remaining[a], remaining[b]];
                    }
                }

                // Krum's neighbour count is m − f' − 2; f' = min(f, m − 3) keeps it at least 1.
                var scores = KrumScores.Compute(sub, Math.Min(f, m - 3));
                if (selected.Count == 0)
                {
                    firstScores = scores;
                }

                pick = Lowest(scores, sub);
            }

            selected.Add(remaining[pick]);
            remaining.RemoveAt(pick);
        }

        return selected.ToArray();
    }

    /// <summary>
    /// The lowest score. Ties are structural with one neighbour (two mutually nearest updates score the same), so
    /// they go to the smaller sum of distances to every remaining update, and only then to the lower index: the
    /// selection then does not depend on the order of the updates.
    /// </summary>
    private static int Lowest(double[] scores, double[,] distances)
    {
        int m = scores.Length;
        int best = 0;
        double bestTotal = Total(distances, 0);
        for (int a = 1; a < m; a++)
        {
            if (scores[a] > scores[best])
            {
                continue;
            }

            double total = Total(distances, a);
            if (scores[a] < scores[best] || total < bestTotal)
            {
                best = a;
                bestTotal = total;
            }
        }

        return best;
    }

    private static double Total(double[,] distances, int a)
    {
        double t = 0;
        for (int b = 0; b < distances.GetLength(1); b++)
        {
            t += distances[a, b];
        }

        return t;
    }
}
