namespace FedSec.Privacy.Accounting;

/// <summary>The RDP orders the accountant evaluates.</summary>
public static class RdpOrders
{
    /// <summary>
    /// 1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5, 5, 6, …, 63, 128, 256: TF Privacy's usual orders
    /// (<c>compute_dp_sgd_privacy</c>), which cover the ε of federated training from about 0.05 to several hundred.
    /// </summary>
    public static IReadOnlyList<double> Default { get; } =
        new[] { 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5 }
            .Concat(Enumerable.Range(5, 59).Select(i => (double)i))
            .Concat(new[] { 128.0, 256.0 })
            .ToArray();
}
