namespace FedSec.Configuration;

/// <summary>How a language model is fine-tuned (<c>lora_args.peft_type</c>, FedLLM's name).</summary>
public enum PeftType
{
    /// <summary>LoRA adapters: only they are trained and exchanged; the base is frozen.</summary>
    Lora,

    /// <summary>Full fine-tuning: every parameter is trained and exchanged.</summary>
    None,
}
