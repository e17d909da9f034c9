namespace FedSec.Defenses.FedRdf;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test with the exact two-sided p-value, as SciPy's <c>ks_2samp</c> computes it for
/// small samples (method <c>exact</c>, which its <c>auto</c> picks below 10 000 values per sample): D = max |F₁ − F₂| of
/// the two empirical distribution functions, and p = P(D' ≥ D) for D' of two samples of the same sizes from one
/// continuous distribution, by counting the lattice paths from (0, 0) to (m, n) that stay inside the band (Hodges 1957).
/// Written here because neither MathNet.Numerics nor another maintained .NET library referenced by FedSec has the
/// two-sample exact distribution. FedRDF only needs "is p below α", which depends on the sizes alone through the
/// smallest statistic that rejects, which <see cref="CriticalCount"/> finds.
/// </summary>
internal static class TwoSampleKolmogorovSmirnov
{
    /// <summary>
    /// m·n·D for samples <paramref name="a"/> and <paramref name="b"/>: an integer (the ECDF difference at a point is
    /// (i·n − j·m)/(m·n) after i values of a and j of b), so comparisons are exact. Ties are taken together, as SciPy
    /// evaluates both ECDFs at every value (side = right).
    /// </summary>
    public static int ScaledStatistic(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int m = a.Length;
        int n = b.Length;
        var x = a.ToArray();
        var y = b.ToArray();
        Array.Sort(x);
        Array.Sort(y);
        int i = 0;
        int j = 0;
        int best = 0;
        while (i < m || j < n)
        {
            double v = i < m && (j >= n || x[i] <= y[j]) ? x[i] : y[j];
            while (i < m && x[i] == v)
            {
                i++;
            }

            while (j < n && y[j] == v)
            {
                j++;
            }

            best = Math.Max(best, Math.Abs((i * n) - (j * m)));
        }

        return best;
    }

    /// <summary>
    /// The exact two-sided p-value P(m·n·D' ≥ <paramref name="scaled"/>) for sample sizes <paramref name="m"/> and
    /// <paramref name="n"/>: one minus the probability that a uniformly random monotone path from (0, 0) to (m, n) keeps
    /// |i·n − j·m| below it everywhere. Each step's probability is the share of the remaining paths it leaves, so the
    /// dynamic programme sums probabilities (no binomial coefficients, no overflow).
    /// </summary>
    public static double PValue(int m, int n, int scaled)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (scaled <= 0)
        {
            return 1;
        }

        var inside = new double[n + 1];
        inside[0] = 1;
        for (int i = 0; i <= m; i++)
        {
            for (int j = 0; j <= n; j++)
            {
                if (i == 0 && j == 0)
                {
                    continue;
                }

                if (Math.Abs((i * n) - (j * m)) >= scaled)
                {
                    inside[j] = 0;
                    continue;
                }

                // Probability of reaching (i, j) inside the band: from (i − 1, j) by an a-step, from (i, j − 1) by a b-step.
                double fromLeft = i > 0 ? inside[j] * (m - i + 1) / (double)(m - i + 1 + n - j) : 0;
                double fromBelow = j > 0 ? inside[j - 1] * (n - j + 1) / (double)(m - i + n - j + 1) : 0;
                inside[j] = fromLeft + fromBelow;
            }
        }

        return Math.Clamp(1 - inside[n], 0, 1);
    }

    /// <summary>
    /// The smallest m·n·D whose p-value is below <paramref name="alpha"/> (the test rejects exactly when the scaled
    /// statistic reaches it); <c>int.MaxValue</c> when no statistic of these sizes rejects. The p-value falls as the
    /// statistic grows, so a binary search over 1..m·n finds it in about log₂(m·n) p-values of O(m·n) each (a scan
    /// from 1 cost about 4·10⁹ operations a round for 700 against 300 clients).
    /// </summary>
    public static int CriticalCount(int m, int n, double alpha)
    {
        int lo = 1, hi = m * n;
        if (PValue(m, n, hi) >= alpha)
        {
            return int.MaxValue;
        }

        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (PValue(m, n, mid) < alpha)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
