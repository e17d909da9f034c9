namespace FedSec.Privacy.Tests.Accounting;

/// <summary>The RDP orders the published values were computed at.</summary>
internal static class PublishedOrders
{
    /// <summary>Opacus's <c>RDPAccountant.DEFAULT_ALPHAS</c>: 1.1, 1.2, …, 10.9, then 12, …, 63.</summary>
    public static readonly double[] Opacus =
        Enumerable.Range(1, 99).Select(x => 1 + (x / 10.0)).Concat(Enumerable.Range(12, 52).Select(i => (double)i)).ToArray();

    /// <summary>TF Privacy's <c>compute_dp_sgd_privacy</c>: 1.25 … 4.5, 5 … 63, 128, 256, 512.</summary>
    public static readonly double[] TfPrivacy =
        new[] { 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5 }
            .Concat(Enumerable.Range(5, 59).Select(i => (double)i))
            .Concat(new[] { 128.0, 256.0, 512.0 })
            .ToArray();
}
