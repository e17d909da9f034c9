namespace FedSec.Attacks.MinMax;

/// <summary>
/// The search for Min-Max's and Min-Sum's scale γ (Shejwalkar and Houmansadr, NDSS 2021, Algorithm 1). The paper
/// probes γ_init first, then moves by half the previous step up after a success and down after a failure, until the
/// step falls below the tolerance: a bisection of [0, 2·γ_init]. This is that bisection written with an explicit
/// bracket, so that the answer is the last feasible γ and the first γ above it that failed is at most one tolerance
/// away.
/// </summary>
internal static class GammaSearch
{
    /// <summary>
    /// The largest γ in [0, 2·<paramref name="init"/>] that is <paramref name="feasible"/>, to within
    /// <paramref name="tolerance"/>; γ = 0 is taken as feasible (it is for both constraints: the benign mean lies
    /// inside them).
    /// </summary>
    public static double Largest(Func<double, bool> feasible, double init, double tolerance)
    {
        double hi = 2 * init;
        if (feasible(hi))
        {
            return hi;
        }

        double lo = 0;
        while (hi - lo > tolerance)
        {
            double mid = (lo + hi) / 2;
            if (feasible(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
