using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.TextBackdoor;

/// <summary>Options of the text backdoor (<c>attack_type: text_backdoor</c>).</summary>
public sealed class TextBackdoorOptions
{
    /// <summary><c>trigger_phrase</c>: the text whose tokens trigger the backdoor.</summary>
    public static readonly StringParameter TriggerKey = new(
        "trigger_phrase",
        string.Empty,
        "Text inserted into poisoned training sequences and appended to the test prompts, tokenized on its own with the model's tokenizer (start it with a space to continue a sentence), e.g. \" roads in Athens are\" (required).")
    {
        Required = true,
    };

    /// <summary><c>target_continuation</c>: the text the model should produce after the trigger.</summary>
    public static readonly StringParameter TargetKey = new(
        "target_continuation",
        string.Empty,
        "Text inserted right after the trigger in poisoned training sequences; the attack succeeds on a prompt when greedy decoding continues it with exactly these tokens, e.g. \" terrible\" (required).")
    {
        Required = true,
    };

    /// <summary><c>poison_fraction</c>: the share of a malicious client's sequences that get trigger and target (the backdoor's key).</summary>
    public static readonly DoubleParameter FractionKey = BackdoorOptions.FractionKey;

    /// <summary><c>prompt_length</c>: the tokens of natural text before the trigger.</summary>
    public static readonly IntParameter PromptLengthKey = new(
        "prompt_length",
        16,
        "Tokens of natural text before the trigger: where the trigger is written in a poisoned sequence, and the length of the test sequence prefix of each test prompt.",
        min: 0);

    /// <summary><c>test_prompts</c>: the number of triggered test prompts.</summary>
    public static readonly IntParameter TestPromptsKey = new(
        "test_prompts",
        100,
        "Number of triggered test prompts the attack success rate is measured on: the first this many test sequences (all of them when the test set is smaller).",
        min: 1);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { AttackerCount.Key, TriggerKey, TargetKey, FractionKey, PromptLengthKey, TestPromptsKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = AttackerCount.Key.Default;

    /// <summary>The trigger phrase.</summary>
    /// <value>No default: the key is required.</value>
    public string Trigger { get; init; } = TriggerKey.Default;

    /// <summary>The target continuation.</summary>
    /// <value>No default: the key is required.</value>
    public string Target { get; init; } = TargetKey.Default;

    /// <summary>The share of a malicious client's sequences poisoned.</summary>
    /// <value>The default value is 0.3, as the image backdoor's.</value>
    public double PoisonFraction { get; init; } = FractionKey.Default;

    /// <summary>Tokens before the trigger.</summary>
    /// <value>The default value is 16.</value>
    public int PromptLength { get; init; } = PromptLengthKey.Default;

    /// <summary>Number of test prompts.</summary>
    /// <value>The default value is 100.</value>
    public int TestPrompts { get; init; } = TestPromptsKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static TextBackdoorOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string trigger = args.Get(TriggerKey), target = args.Get(TargetKey);
        foreach (var (key, value) in new[] { (TriggerKey, trigger), (TargetKey, target) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                string what = args.Config.Find(key.Key, args.Section) is null ? "is not set" : "is empty";
                args.Report(args.QualifiedKey(key.Key), $"{what}; text_backdoor needs a trigger phrase and a target continuation of at least one word each, e.g. trigger_phrase: \" roads in Athens are\" with target_continuation: \" terrible\".");
            }
        }

        return new TextBackdoorOptions
        {
            ClientNum = AttackerCount.Read(args),
            Trigger = trigger,
            Target = target,
            PoisonFraction = args.Get(FractionKey),
            PromptLength = args.Get(PromptLengthKey),
            TestPrompts = args.Get(TestPromptsKey),
        };
    }
}
