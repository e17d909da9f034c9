using FedSec.Data.Text;

namespace FedSec.Stages;

/// <summary>
/// A backdoor on token sequences (<c>text_backdoor</c>): malicious clients insert a trigger phrase followed by a target
/// continuation into their own training sequences, and the engine measures the attack success rate on triggered test
/// prompts by greedy decoding. The phrases are text; the language experiment tokenizes them with the model's tokenizer
/// (<see cref="UseTokens"/>) before the run.
/// </summary>
public interface ITextBackdoorAttack : IAttack
{
    /// <summary>The trigger phrase as configured.</summary>
    string TriggerPhrase { get; }

    /// <summary>The target continuation as configured.</summary>
    string TargetContinuation { get; }

    /// <summary>Tokens of natural text before the trigger, in training sequences and in test prompts.</summary>
    int PromptLength { get; }

    /// <summary>The number of test prompts the attack success rate is measured on (at most the test set's size).</summary>
    int TestPrompts { get; }

    /// <summary>The trigger's token ids, once <see cref="UseTokens"/> set them.</summary>
    IReadOnlyList<int> TriggerTokens { get; }

    /// <summary>The target's token ids, once <see cref="UseTokens"/> set them.</summary>
    IReadOnlyList<int> TargetTokens { get; }

    /// <summary>Sets the token ids of the trigger and the target (the model's tokenization of the two phrases).</summary>
    void UseTokens(IReadOnlyList<int> trigger, IReadOnlyList<int> target);

    /// <summary>Returns the malicious client's poisoned training sequences (its own copy, changed in place).</summary>
    TokenSequenceSet PoisonSequences(TokenSequenceSet data, ClientContext context);
}
