namespace FedSec.Attacks.Optimal;

/// <summary>
/// The derivative-free line search ByzFL's optimal attacks use to pick their scale x ≥ 0 within a budget of
/// evaluations: from x₀ with step δ, an expansion phase moves to x + δ while that improves, doubling δ; the first
/// failure multiplies δ by the ratio ρ and starts a contraction phase that probes δ to the other side of the last
/// proposal (kept non-negative by halving towards it), multiplying δ by ρ after every probe. The best x seen is
/// returned. Each call of the objective counts as one evaluation.
/// </summary>
internal static class LineMaximizer
{
    /// <summary>The best x found for <paramref name="objective"/> within <paramref name="evaluations"/> calls.</summary>
    public static (double X, double Value) Maximize(Func<double, double> objective, int evaluations, double start, double step, double ratio)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluations, 1);
        double bestX = start, bestY = objective(start);
        int left = evaluations - 1;
        double delta = step, x = start;
        while (left > 0)
        {
            x = bestX + delta;
            double y = objective(x);
            left--;
            if (y > bestY)
            {
                (bestX, bestY) = (x, y);
                delta *= 2;
            }
            else
            {
                delta *= ratio;
                break;
            }
        }

        while (left > 0)
        {
            if (x < bestX)
            {
                x += delta;
            }
            else
            {
                double next = x - delta;
                while (next < 0)
                {
                    next = (next + x) / 2;
                }

                x = next;
            }

            double y = objective(x);
            left--;
            if (y > bestY)
            {
                (bestX, bestY) = (x, y);
            }

            delta *= ratio;
        }

        return (bestX, bestY);
    }
}
