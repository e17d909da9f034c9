namespace FedSec.Aggregation;

/// <summary>
/// The weighted geometric median argmin_z Σ αᵢ‖z − xᵢ‖ by the smoothed Weiszfeld algorithm of RFA (Pillutla, Kakade
/// and Harchaoui, "Robust aggregation for federated learning", IEEE Transactions on Signal Processing 2022): repeat
/// z ← Σ βᵢ xᵢ / Σ βᵢ with βᵢ = αᵢ / max(ν, ‖z − xᵢ‖) until the objective changes by at most a relative tolerance and
/// the gradient of the smoothed objective (a weighted sum of unit vectors) is at most its square root, or the iteration
/// budget is spent; the last point is the median. The gradient test matters when far outliers dominate the objective:
/// its relative change is then tiny long before the honest part has converged.
/// The start is the weighted mean (RFA's reference code) or, when its objective is lower, the coordinate-wise median.
/// From the mean a far outlier recedes only geometrically: with outliers of weight a, each step keeps about a/(1 − a)
/// of its pull, so at 40 % and 10¹⁷ a coordinate 100 steps end far from the honest points (an RFA run under AlterMin
/// diverged so). The coordinate-wise median has breakdown point ½ like the geometric median and starts where they are.
/// Each step is one fused pass over the data (<see cref="CombineAndMeasure"/>): the new point and its distances to every
/// input together.
/// </summary>
public static class GeometricMedian
{
    /// <summary>Computes the geometric median of <paramref name="points"/> weighted by <paramref name="weights"/>.</summary>
    /// <param name="points">The vectors, all of one length.</param>
    /// <param name="weights">Non-negative weights αᵢ (normalised here), at least one positive.</param>
    /// <param name="nu">ν &gt; 0, the smoothing: distances below ν count as ν (avoids dividing by zero at an input point).</param>
    /// <param name="maxIterations">The largest number of Weiszfeld steps.</param>
    /// <param name="tolerance">Stop when |f(zₜ₋₁) − f(zₜ)| ≤ tolerance · f(zₜ) and the smoothed gradient's norm ≤ √tolerance.</param>
    public static GeometricMedianResult Compute(
        IReadOnlyList<float[]> points,
        ReadOnlySpan<double> weights,
        double nu,
        int maxIterations,
        double tolerance)
    {
        int n = points.Count;
        int d = VectorChecks.CommonLength(points);
        if (weights.Length != n)
        {
            throw new ArgumentException($"{weights.Length} weights for {n} points.", nameof(weights));
        }

        if (!(nu > 0) || maxIterations < 0 || !(tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(nu), $"Needs ν > 0, maxIterations ≥ 0 and tolerance ≥ 0; got {nu}, {maxIterations}, {tolerance}.");
        }

        var alpha = Normalised(weights);
        var current = new float[d];
        var distances = Roots(CombineAndMeasure.Run(points, alpha, 0, current));
        double objective = Objective(alpha, distances);
        var coordinateMedian = CoordinateMedian.Of(points);
        var medianDistances = points.Select(p => VectorNorms.Distance(p, coordinateMedian)).ToArray();
        double medianObjective = Objective(alpha, medianDistances);
        if (medianObjective < objective)
        {
            (current, distances, objective) = (coordinateMedian, medianDistances, medianObjective);
        }

        // Weiszfeld descends on the smoothed objective, so the last point is returned (as RFA's reference code does),
        // not the best one seen: when far outliers dominate, the objective rounds away the honest part's progress,
        // and comparing it picked an early point (a median of 1, 2, 3, 4 and 10²⁰ ended near 10³).
        var weightsUsed = alpha;
        var spare = new float[d];
        int iterations = 0;
        while (iterations < maxIterations)
        {
            var beta = new double[n];
            double betaSum = 0;
            for (int i = 0; i < n; i++)
            {
                beta[i] = alpha[i] / Math.Max(nu, distances[i]);
                betaSum += beta[i];
            }

            beta = Normalised(beta);
            var nextDistances = Roots(CombineAndMeasure.Run(points, beta, 0, spare));
            double nextObjective = Objective(alpha, nextDistances);
            iterations++;

            // The gradient of the smoothed objective at z is Σβᵢ·(z − z_next): a sum of weighted unit vectors, at
            // most 1 in norm, and unlike the objective not dominated by far outliers.
            double gradient = betaSum * VectorNorms.Distance(current, spare);
            (current, spare) = (spare, current);
            bool converged = Math.Abs(objective - nextObjective) <= tolerance * nextObjective && gradient <= Math.Sqrt(tolerance);
            distances = nextDistances;
            objective = nextObjective;
            weightsUsed = beta;
            if (converged)
            {
                break;
            }
        }

        return new GeometricMedianResult(current, distances, weightsUsed, iterations, objective);
    }

    private static double[] Normalised(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw new ArgumentException($"Weight {w} is not a finite non-negative number.", nameof(weights));
            }

            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("The weights sum to zero.", nameof(weights));
        }

        var a = new double[weights.Length];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = weights[i] / total;
        }

        return a;
    }

    private static double[] Roots(double[] squared)
    {
        for (int i = 0; i < squared.Length; i++)
        {
            squared[i] = Math.Sqrt(squared[i]);
        }

        return squared;
    }

    private static double Objective(double[] alpha, double[] distances)
    {
        double f = 0;
        for (int i = 0; i < alpha.Length; i++)
        {
            f += alpha[i] * distances[i];
        }

        return f;
    }
}
