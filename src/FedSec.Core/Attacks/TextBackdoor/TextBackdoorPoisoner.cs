using FedSec.Data.Text;
using FedSec.Randomness;

namespace FedSec.Attacks.TextBackdoor;

/// <summary>
/// The token-level steps of the text backdoor: poisoning a client's sequences (a seeded choice of round(rate × count)
/// sequences gets the trigger and then the target written over the tokens from position <c>promptLength</c> on; the
/// tokens before and after stay, and the other sequences stay clean) and building the triggered test prompts (the
/// first <c>promptLength</c> tokens of a test sequence, then the trigger).
/// </summary>
public static class TextBackdoorPoisoner
{
    /// <summary>Poisons <paramref name="data"/> in place; returns the poisoned sequence indices, ascending.</summary>
    /// <exception cref="ArgumentException">Prompt, trigger and target do not fit in a sequence.</exception>
    public static int[] Poison(TokenSequenceSet data, IReadOnlyList<int> trigger, IReadOnlyList<int> target, int promptLength, double rate, Random rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rng);
        int needed = promptLength + trigger.Count + target.Count;
        if (needed > data.Length)
        {
            throw new ArgumentException($"{promptLength} prompt tokens, {trigger.Count} trigger tokens and {target.Count} target tokens ({needed}) do not fit in sequences of {data.Length}.", nameof(data));
        }

        int k = (int)Math.Round(rate * data.Count, MidpointRounding.AwayFromZero);
        var chosen = rng.Choose(data.Count, Math.Min(k, data.Count));
        foreach (int i in chosen)
        {
            var sequence = data.Sequence(i);
            for (int j = 0; j < trigger.Count; j++)
            {
                sequence[promptLength + j] = trigger[j];
            }

            for (int j = 0; j < target.Count; j++)
            {
                sequence[promptLength + trigger.Count + j] = target[j];
            }
        }

        return chosen;
    }

    /// <summary>
    /// The triggered test prompts: for each of the first min(<paramref name="count"/>, test count) test sequences, its
    /// first <paramref name="promptLength"/> tokens followed by the trigger.
    /// </summary>
    public static int[][] Prompts(TokenSequenceSet test, IReadOnlyList<int> trigger, int promptLength, int count)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trigger);
        if (promptLength > test.Length)
        {
            throw new ArgumentException($"A prompt of {promptLength} tokens is longer than the test sequences of {test.Length}.", nameof(promptLength));
        }

        int n = Math.Min(count, test.Count);
        var prompts = new int[n][];
        for (int i = 0; i < n; i++)
        {
            prompts[i] = [.. test.Sequence(i)[..promptLength], .. trigger];
        }

        return prompts;
    }
}
