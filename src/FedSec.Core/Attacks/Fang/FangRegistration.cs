using FedSec.Components;

namespace FedSec.Attacks.Fang;

/// <summary>Registers Fang et al.'s attacks as <c>fang_krum</c> and <c>fang_trim</c>.</summary>
public static class FangRegistration
{
    /// <summary>The descriptor of <c>attack_type: fang_krum</c>.</summary>
    public static ComponentDescriptor Krum { get; } = ComponentDescriptor.Attack(
        "fang_krum",
        "Fang et al.'s full-knowledge attack on Krum: G - lambda*sign(benign mean change), lambda halved from the paper's bound until Krum picks it (Fang et al. 2020).",
        FangKrumOptions.Keys,
        FangKrumOptions.Read,
        o => new FangKrumAttack(o));

    /// <summary>The descriptor of <c>attack_type: fang_trim</c>.</summary>
    public static ComponentDescriptor Trim { get; } = ComponentDescriptor.Attack(
        "fang_trim",
        "Fang et al.'s full-knowledge attack on trimmed mean / median: each coordinate just past the benign extreme, against the change, within factor b (Fang et al. 2020).",
        FangTrimOptions.Keys,
        FangTrimOptions.Read,
        o => new FangTrimAttack(o));
}
