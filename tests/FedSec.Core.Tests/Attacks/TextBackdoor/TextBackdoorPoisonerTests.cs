using FedSec.Attacks.TextBackdoor;
using FedSec.Data.Text;

namespace FedSec.Core.Tests.Attacks.TextBackdoor;

public sealed class TextBackdoorPoisonerTests
{
    // Sequence i holds the tokens 8i, 8i + 1, …, 8i + 7, so every changed token is visible.
    internal static TokenSequenceSet Numbered(int count, int length = 8) =>
        new(Enumerable.Range(0, count * length).ToArray(), new int[count], length, 1000, ["g"]);

    private static int[] Changed(TokenSequenceSet before, TokenSequenceSet after) =>
        Enumerable.Range(0, before.Count).Where(i => !before.Sequence(i).SequenceEqual(after.Sequence(i))).ToArray();

    [Fact]
    public void Poison_QuarterOfTen_ThreeSequencesGetTriggerThenTargetAtPromptLengthRestUntouched()
    {
        var data = Numbered(10);
        var before = data.Clone();

        var chosen = TextBackdoorPoisoner.Poison(data, [900, 901], [902], promptLength: 2, rate: 0.25, new Random(4));

        // round(0.25 × 10) = round(2.5) = 3 (halves away from zero, as the image backdoor).
        Assert.Equal(3, chosen.Length);
        Assert.Equal(chosen, Changed(before, data));
        foreach (int i in Enumerable.Range(0, 10))
        {
            int b = 8 * i;
            int[] expected = chosen.Contains(i) ? [b, b + 1, 900, 901, 902, b + 5, b + 6, b + 7] : [b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7];
            Assert.Equal(expected, data.Sequence(i).ToArray());
        }

        Assert.Equal(before.Groups, data.Groups);
    }

    [Fact]
    public void Poison_FullRate_EverySequenceAndPromptLengthZeroWritesAtTheStart()
    {
        var data = Numbered(3, length: 4);

        TextBackdoorPoisoner.Poison(data, [7], [8, 9], promptLength: 0, rate: 1, new Random(1));

        Assert.Equal(new[] { 7, 8, 9, 3, 7, 8, 9, 7, 7, 8, 9, 11 }, data.Tokens);
    }

    [Fact]
    public void Poison_SameSeed_SameChoice_OtherSeed_OtherChoice()
    {
        int[] Choice(int seed) => TextBackdoorPoisoner.Poison(Numbered(40), [900], [901], 1, 0.3, new Random(seed));

        Assert.Equal(12, Choice(1).Length);
        Assert.Equal(Choice(1), Choice(1));
        Assert.NotEqual(Choice(1), Choice(2));
    }

    [Fact]
    public void Poison_DoesNotFit_ThrowsNamingTheLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => TextBackdoorPoisoner.Poison(Numbered(2), [1, 2, 3], [4, 5], 4, 0.5, new Random(1)));

        Assert.Contains("(9) do not fit in sequences of 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prompts_FirstTestSequencesCutAtPromptLengthThenTrigger()
    {
        var prompts = TextBackdoorPoisoner.Prompts(Numbered(5), [900, 901], promptLength: 3, count: 2);

        Assert.Equal(new[] { new[] { 0, 1, 2, 900, 901 }, [8, 9, 10, 900, 901] }, prompts);
        Assert.Equal(5, TextBackdoorPoisoner.Prompts(Numbered(5), [900], 3, count: 100).Length);
    }
}
