using FedSec.Components;

namespace FedSec.Defenses.Krum;

/// <summary>Registers Krum as <c>krum</c> and m-Krum as <c>multikrum</c>.</summary>
public static class KrumRegistration
{
    /// <summary>The descriptor of <c>defense_type: krum</c> (m defaults to 1; FedML's configs set krum_param_m).</summary>
    public static ComponentDescriptor Krum { get; } = ComponentDescriptor.Defense(
        "krum",
        "Keeps the m updates with the lowest Krum scores (sum of squared distances to the n-f-2 nearest) (Blanchard et al. 2017).",
        KrumOptions.Keys,
        args => KrumOptions.Read(args, multi: false),
        (o, args) => new KrumDefense(o with { M = o.KeptCount(args.Shape.ClientsPerRound, multi: false) }));

    /// <summary>The descriptor of <c>defense_type: multikrum</c> (m defaults to n − 2f − 2).</summary>
    public static ComponentDescriptor MultiKrum { get; } = ComponentDescriptor.Defense(
        "multikrum",
        "m-Krum: Krum keeping the m lowest-score updates, m = n-2f-2 unless krum_param_m says otherwise (Blanchard et al. 2017).",
        KrumOptions.Keys,
        args => KrumOptions.Read(args, multi: true),
        (o, args) => new KrumDefense(o with { M = o.KeptCount(args.Shape.ClientsPerRound, multi: true) }));
}
