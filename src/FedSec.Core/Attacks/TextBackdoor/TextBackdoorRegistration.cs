using FedSec.Components;

namespace FedSec.Attacks.TextBackdoor;

/// <summary>Registers the text backdoor as <c>text_backdoor</c>.</summary>
public static class TextBackdoorRegistration
{
    /// <summary>The descriptor of <c>attack_type: text_backdoor</c>.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Attack(
        "text_backdoor",
        "Text backdoor: malicious clients write trigger_phrase then target_continuation into poison_fraction of their token sequences; ASR by greedy decoding of triggered test prompts (Bagdasaryan et al. 2020).",
        TextBackdoorOptions.Keys,
        TextBackdoorOptions.Read,
        o => new TextBackdoorAttack(o));
}
