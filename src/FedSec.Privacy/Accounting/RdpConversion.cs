namespace FedSec.Privacy.Accounting;

/// <summary>
/// From Rényi DP to (ε, δ)-DP with the conversion of Balle, Barthe, Gaboardi, Hsu and Sato, "Hypothesis testing
/// interpretations and Rényi differential privacy" (AISTATS 2020, Theorem 21 of the arXiv version):
/// ε = min over α of RDP(α) − (log δ + log α)/(α − 1) + log((α − 1)/α). Tighter than the classic
/// RDP(α) − log δ/(α − 1) of Mironov 2017; Opacus and Google's dp_accounting use the same. ε is at least 0.
/// </summary>
public static class RdpConversion
{
    /// <summary>The smallest ε over the orders, and the order that gives it.</summary>
    /// <param name="orders">The orders α &gt; 1.</param>
    /// <param name="rdp">The RDP at each order (same length).</param>
    /// <param name="delta">δ in (0, 1).</param>
    public static PrivacySpent Epsilon(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rdp);
        PrivacyArguments.CheckDelta(delta, nameof(delta));
        if (orders.Count != rdp.Count || orders.Count == 0)
        {
            throw new ArgumentException($"Needs one RDP value per order and at least one order; got {orders.Count} orders and {rdp.Count} values.", nameof(rdp));
        }

        double best = double.PositiveInfinity, bestOrder = double.NaN;
        for (int i = 0; i < orders.Count; i++)
        {
            double a = orders[i];
            double eps = rdp[i] - ((Math.Log(delta) + Math.Log(a)) / (a - 1)) + Math.Log((a - 1) / a);
            if (eps < best)
            {
                best = eps;
                bestOrder = a;
            }
        }

        // The bound can go below 0 when the RDP is near 0 and δ is large (log((α − 1)/α) < 0); ε is never negative
        // (dp_accounting clamps the same way).
        return new PrivacySpent(Math.Max(0, best), bestOrder);
    }

    /// <summary>
    /// The smallest ε any mechanism can be certified for at these orders and δ (the limit of <see cref="Epsilon"/> as the
    /// RDP goes to 0, i.e. as the noise grows without bound): a budget below it cannot be met.
    /// </summary>
    public static double Floor(IReadOnlyList<double> orders, double delta) =>
        Epsilon(orders, new double[orders?.Count ?? 0], delta).Epsilon;
}
