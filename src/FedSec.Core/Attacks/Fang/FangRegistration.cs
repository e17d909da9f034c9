using FedSec.Components;

namespace FedSec.Attacks.Fang;

/// <summary>Registers Fang et al.'s attacks as <c>fang_krum</c> and <c>fang_trim</c>.</summary>
public static class FangRegistration
{
    /// <summary>The descriptor of <c>attack_type: fang_krum</c>.</summary>
    public static ComponentDescriptor Krum { get; } = new(
        "fang_krum",
        ComponentKind.Attack,
        "Fang et al.'s full-knowledge attack on Krum: G - lambda*sign(benign mean change), lambda halved from the paper's bound until Krum picks it (Fang et al. 2020).",
        FangKrumOptions.Keys,
        args => new FangKrumAttack(FangKrumOptions.Read(args)));

    /// <summary>The descriptor of <c>attack_type: fang_trim</c>.</summary>
    public static ComponentDescriptor Trim { get; } = new(
        "fang_trim",
        ComponentKind.Attack,
        "Fang et al.'s full-knowledge attack on trimmed mean / median: each coordinate just past the benign extreme, against the change, within factor b (Fang et al. 2020).",
        FangTrimOptions.Keys,
        args => new FangTrimAttack(FangTrimOptions.Read(args)));
}
