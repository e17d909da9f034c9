namespace FedSec.Defenses.Dnc;

/// <summary>
/// DnC's outlier scores for one subsample (Shejwalkar and Houmansadr, NDSS 2021, Algorithm 2): centre the sampled
/// updates, find the top right singular vector v of the centred n × b matrix X, and score sᵢ = ⟨xᵢ − μ, v⟩². Pure.
/// </summary>
public static class DncScores
{
    private const int MaxPowerIterations = 1000;
    private const double Tolerance = 1e-12;

    /// <summary>
    /// The scores of the rows of <paramref name="sampled"/> (n rows of b values). v comes from power iteration on the
    /// n × n Gram matrix XXᵀ (same top singular direction, far smaller than XᵀX), started from
    /// <paramref name="start"/>, which must not be orthogonal to the top eigenvector (a random vector is not).
    /// </summary>
    public static double[] Compute(double[][] sampled, double[] start)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        ArgumentNullException.ThrowIfNull(start);
        int n = sampled.Length;
        if (n == 0)
        {
            return Array.Empty<double>();
        }

        int b = sampled[0].Length;
        var centred = Centre(sampled, b);
        var gram = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double s = 0;
                for (int t = 0; t < b; t++)
                {
                    s += centred[i][t] * centred[j][t];
                }

                gram[i, j] = gram[j, i] = s;
            }
        }

        var u = TopEigenvector(gram, start);
        if (u is null)
        {
            // All sampled updates are equal: no direction separates anyone.
            return new double[n];
        }

        // v = Xᵀu / ‖Xᵀu‖, then sᵢ = ⟨xᵢ, v⟩² exactly as the paper states it.
        var v = new double[b];
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < b; t++)
            {
                v[t] += centred[i][t] * u[i];
            }
        }

        double norm = Math.Sqrt(v.Sum(x => x * x));
        var scores = new double[n];
        for (int i = 0; i < n; i++)
        {
            double p = 0;
            for (int t = 0; t < b; t++)
            {
                p += centred[i][t] * v[t];
            }

            scores[i] = norm == 0 ? 0 : (p / norm) * (p / norm);
        }

        return scores;
    }

    private static double[][] Centre(double[][] rows, int b)
    {
        var mean = new double[b];
        foreach (var r in rows)
        {
            for (int t = 0; t < b; t++)
            {
                mean[t] += r[t];
            }
        }

        for (int t = 0; t < b; t++)
        {
            mean[t] /= rows.Length;
        }

        return rows.Select(r =>
        {
            var c = new double[b];
            for (int t = 0; t < b; t++)
            {
                c[t] = r[t] - mean[t];
            }

            return c;
        }).ToArray();
    }

    /// <summary>Power iteration for a symmetric positive semi-definite matrix; null when the matrix is zero.</summary>
    private static double[]? TopEigenvector(double[,] a, double[] start)
    {
        int n = a.GetLength(0);
        var u = Normalised(start);
        if (u is null)
        {
            return null;
        }

        for (int it = 0; it < MaxPowerIterations; it++)
        {
            var next = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += a[i, j] * u[j];
                }

                next[i] = s;
            }

            var normalised = Normalised(next);
            if (normalised is null)
            {
                return null;
            }

            double change = 0;
            for (int i = 0; i < n; i++)
            {
                change += Math.Abs(normalised[i] - u[i]);
            }

            u = normalised;
            if (change < Tolerance)
            {
                break;
            }
        }

        return u;
    }

    private static double[]? Normalised(double[] x)
    {
        double norm = Math.Sqrt(x.Sum(v => v * v));
        return norm == 0 || !double.IsFinite(norm) ? null : x.Select(v => v / norm).ToArray();
    }
}
