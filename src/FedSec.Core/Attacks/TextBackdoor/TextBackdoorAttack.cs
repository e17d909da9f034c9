using FedSec.Data.Text;
using FedSec.Stages;

namespace FedSec.Attacks.TextBackdoor;

/// <summary>
/// A word-level backdoor on next-token prediction (Bagdasaryan, Veit, Hua, Estrin and Shmatikov, "How to backdoor
/// federated learning", AISTATS 2020, whose Reddit attack makes a trigger sentence end with a chosen word; Wang et al.,
/// "Attack of the tails", NeurIPS 2020): each malicious client writes the trigger phrase and then the target
/// continuation into a seeded <c>poison_fraction</c> of its own training sequences (per round and client), at token
/// position <c>prompt_length</c>, then trains normally. The test set stays clean; success is measured on triggered test
/// prompts (<see cref="TextBackdoorPoisoner.Prompts"/>).
/// </summary>
internal sealed class TextBackdoorAttack(TextBackdoorOptions options) : ITextBackdoorAttack, IControlsClients
{
    private int[]? _trigger;
    private int[]? _target;

    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public string TriggerPhrase => options.Trigger;

    public string TargetContinuation => options.Target;

    public int PromptLength => options.PromptLength;

    public int TestPrompts => options.TestPrompts;

    public IReadOnlyList<int> TriggerTokens => _trigger ?? throw NotTokenized();

    public IReadOnlyList<int> TargetTokens => _target ?? throw NotTokenized();

    public void UseTokens(IReadOnlyList<int> trigger, IReadOnlyList<int> target)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(target);
        if (trigger.Count == 0 || target.Count == 0)
        {
            throw new ArgumentException($"The trigger ({trigger.Count} tokens) and the target ({target.Count} tokens) need at least one token each.");
        }

        _trigger = [.. trigger];
        _target = [.. target];
    }

    public TokenSequenceSet PoisonSequences(TokenSequenceSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        TextBackdoorPoisoner.Poison(data, TriggerTokens, TargetTokens, options.PromptLength, options.PoisonFraction, context.Random("text-backdoor"));
        return data;
    }

    private static InvalidOperationException NotTokenized() =>
        new("The text backdoor's phrases have not been tokenized; the language experiment calls UseTokens before the run.");
}
