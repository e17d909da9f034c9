using FedSec.Components;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>Registers differential privacy as the section <c>dp_args</c>.</summary>
public static class DpRegistration
{
    /// <summary>The descriptor of <c>dp_args</c>.</summary>
    public static ExtensionDescriptor Descriptor { get; } = new(
        "dp_args",
        "Differential privacy in FedML's keys: cdp / dp_clip = DP-FedAvg (McMahan et al. 2018) with server- or client-side clipping, optional adaptive clipping (Andrew et al. 2021), and an RDP accountant (epsilon per round); ldp = Gaussian or Laplace noise added by each client.",
        DpOptions.Keys,
        args => DpOptionsReader.Read(args) switch
        {
            null => null,
            { Solution: DpSolution.Ldp } o => new LocalDp(o),
            { Solution: DpSolution.DpClip } o => new ClientClippedDp(o, args.Shape),
            var o => new ServerClippedDp(o, args.Shape),
        });
}
