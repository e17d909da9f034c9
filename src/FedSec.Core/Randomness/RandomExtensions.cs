namespace FedSec.Randomness;

/// <summary>Distributions drawn from a <see cref="Random"/>: Gaussian, Gamma, Dirichlet, shuffles.</summary>
public static class RandomExtensions
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia–Tsang; boosted for shape &lt; 1).</summary>
    public static double NextGamma(this Random rng, double shape)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (!(shape > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "The Gamma shape must be positive.");
        }

        if (shape < 1)
        {
            double u = 1.0 - rng.NextDouble();
            return rng.NextGamma(shape + 1) * Math.Pow(u, 1.0 / shape);
        }

        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - rng.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>A draw from the symmetric Dirichlet(α, ..., α) over <paramref name="k"/> categories.</summary>
    public static double[] NextDirichlet(this Random rng, double alpha, int k)
    {
        var p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            p[i] = rng.NextGamma(alpha);
            sum += p[i];
        }

        if (sum <= 0)
        {
            // All draws underflowed (tiny α): put the mass on one category, as the limit does.
            p[rng.Next(k)] = 1;
            return p;
        }

        for (int i = 0; i < k; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public static void Shuffle<T>(this Random rng, Span<T> items)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0..n−1.</summary>
    public static int[] Permutation(this Random rng, int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = i;
        }

        rng.Shuffle(p.AsSpan());
        return p;
    }

    /// <summary><paramref name="k"/> distinct values from 0..n−1, sorted ascending.</summary>
    public static int[] Choose(this Random rng, int n, int k)
    {
        if (k < 0 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"Cannot choose {k} of {n}.");
        }

        var perm = rng.Permutation(n);
        var chosen = perm.AsSpan(0, k).ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
