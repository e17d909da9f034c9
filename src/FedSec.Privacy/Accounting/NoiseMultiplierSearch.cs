namespace FedSec.Privacy.Accounting;

/// <summary>
/// The smallest noise multiplier whose ε over a given number of steps meets a budget (ε, δ), found as Opacus's
/// <c>get_noise_multiplier</c> finds it (and so matching its published values): double an upper bound from 20 until it
/// meets the budget, then bisect until the bound's ε is within <c>tolerance</c> below the target. The answer always
/// meets the budget; a smaller one within the tolerance may too.
/// </summary>
public static class NoiseMultiplierSearch
{
    /// <summary>The largest noise multiplier tried (Opacus's <c>MAX_SIGMA</c>).</summary>
    public const double MaxNoiseMultiplier = 1e6;

    /// <summary>Opacus's default precision of the search in ε.</summary>
    public const double DefaultTolerance = 0.01;

    /// <summary>The noise multiplier for a budget of (ε, δ) over <paramref name="steps"/> steps at sample rate q.</summary>
    /// <exception cref="PrivacyBudgetException">The budget cannot be met: ε is below what these orders can certify at δ however large the noise, or needs a noise multiplier above 10⁶.</exception>
    public static double For(double targetEpsilon, double delta, double sampleRate, long steps, IReadOnlyList<double>? orders = null, double tolerance = DefaultTolerance)
    {
        PrivacyArguments.CheckEpsilon(targetEpsilon, nameof(targetEpsilon));
        PrivacyArguments.CheckDelta(delta, nameof(delta));
        PrivacyArguments.CheckSampleRate(sampleRate, nameof(sampleRate));
        if (steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"The number of steps must be ≥ 1; got {steps}.");
        }

        if (!(tolerance > 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance must be a finite number > 0; got {tolerance}.");
        }

        orders ??= RdpOrders.Default;
        double floor = RdpConversion.Floor(orders, delta);
        if (targetEpsilon <= floor)
        {
            throw new PrivacyBudgetException(
                $"No noise multiplier meets ε = {targetEpsilon} at δ = {delta}: at these RDP orders (up to {orders.Max()}) the smallest ε that can be certified at this δ is {floor:G4}, however large the noise. Raise ε or δ.");
        }

        double Eps(double z) => RdpAccountant.EpsilonAfter(z, sampleRate, steps, delta, orders).Epsilon;
        double low = 0, high = 10, epsHigh = double.PositiveInfinity;
        while (epsHigh > targetEpsilon)
        {
            high *= 2;
            if (high > MaxNoiseMultiplier)
            {
                throw new PrivacyBudgetException(
                    $"No noise multiplier up to {MaxNoiseMultiplier:G} meets ε = {targetEpsilon} at δ = {delta} over {steps} steps at sample rate {sampleRate}. Raise ε or δ, or take fewer steps or a smaller sample rate.");
            }

            epsHigh = Eps(high);
        }

        while (targetEpsilon - epsHigh > tolerance)
        {
            double mid = (low + high) / 2;
            double eps = Eps(mid);
            if (eps < targetEpsilon)
            {
                high = mid;
                epsHigh = eps;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }
}
