namespace FedSec.Defenses.Flare;

/// <summary>
/// FLARE's scores (Wang, Kang, Liu, Yu and Han, AsiaCCS 2022): the maximum mean discrepancy between two clients' sets of
/// penultimate-layer representations (PLRs), the nearest-neighbour counts and the trust scores. Pure maths on arrays.
/// </summary>
public static class FlareScores
{
    /// <summary>
    /// The unbiased estimate MMD²ᵤ(X, Y) = 1/(m(m−1)) Σ_{i≠j} k(xᵢ, xⱼ) + 1/(n(n−1)) Σ_{i≠j} k(yᵢ, yⱼ) − 2/(mn) Σ k(xᵢ, yⱼ)
    /// with the Gaussian kernel k(a, b) = exp(−γ‖a − b‖²) (a set of one sample contributes 0 for its own term).
    /// </summary>
    public static double Mmd(IReadOnlyList<float[]> x, IReadOnlyList<float[]> y, double gamma)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int m = x.Count, n = y.Count;
        if (m == 0 || n == 0)
        {
            throw new ArgumentException("MMD needs at least one sample in each set.");
        }

        double xx = m > 1 ? OffDiagonalSum(x, gamma) / (m * (m - 1.0)) : 0;
        double yy = n > 1 ? OffDiagonalSum(y, gamma) / (n * (n - 1.0)) : 0;
        double xy = 0;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                xy += Kernel(x[i], y[j], gamma);
            }
        }

        return xx + yy - (2 * xy / (m * (double)n));
    }

    /// <summary>The Gaussian kernel exp(−γ‖a − b‖²).</summary>
    public static double Kernel(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double gamma)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double d = a[k] - (double)b[k];
            s += d * d;
        }

        return Math.Exp(-gamma * s);
    }

    /// <summary>
    /// cᵢ: how many clients count client i among their <paramref name="k"/> nearest others by <paramref name="distances"/>
    /// (ties broken by the lower index). A NaN distance (a model whose representations overflowed float: finite but huge
    /// weights) counts as infinitely far; .NET's ordering puts NaN first, which made such a model everyone's nearest
    /// neighbour and gave it nearly all the trust.
    /// </summary>
    public static int[] NeighbourCounts(double[,] distances, int k)
    {
        ArgumentNullException.ThrowIfNull(distances);
        int n = distances.GetLength(0);
        var counts = new int[n];
        for (int i = 0; i < n; i++)
        {
            var nearest = Enumerable.Range(0, n).Where(j => j != i).OrderBy(j => double.IsNaN(distances[i, j]) ? double.PositiveInfinity : distances[i, j]).ThenBy(j => j).Take(k);
            foreach (int j in nearest)
            {
                counts[j]++;
            }
        }

        return counts;
    }

    /// <summary>The paper's number of neighbours: half the clients, ⌊n/2⌋, at least 1.</summary>
    public static int Neighbours(int clients) => Math.Max(1, clients / 2);

    /// <summary>Trust scores TSᵢ = exp(cᵢ/τ) / Σⱼ exp(cⱼ/τ) (computed with the largest count subtracted, which changes nothing).</summary>
    public static double[] TrustScores(IReadOnlyList<int> counts, double temperature)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            return Array.Empty<double>();
        }

        int max = counts.Max();
        var e = counts.Select(c => Math.Exp((c - max) / temperature)).ToArray();
        double total = e.Sum();
        return e.Select(v => v / total).ToArray();
    }

    private static double OffDiagonalSum(IReadOnlyList<float[]> x, double gamma)
    {
        double s = 0;
        for (int i = 0; i < x.Count; i++)
        {
            for (int j = i + 1; j < x.Count; j++)
            {
                s += 2 * Kernel(x[i], x[j], gamma);
            }
        }

        return s;
    }
}
