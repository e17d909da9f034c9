using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class TokenSequenceSetTests
{
    private static readonly string[] Names = ["a", "b"];

    [Fact]
    public void FromDocuments_CutsEachDocumentIntoWindows_DropsShortTails()
    {
        var set = TokenSequenceSet.FromDocuments([([1, 2, 3, 4, 5, 6, 7], 0), ([8, 9, 1], 1), ([2], 1)], 3, 10, Names);

        Assert.Equal(3, set.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9, 1], set.Tokens);
        Assert.Equal([0, 0, 1], set.Groups);
    }

    [Fact]
    public void Subset_CopiesTheChosenSequencesInOrder()
    {
        var set = new TokenSequenceSet([1, 2, 3, 4, 5, 6], [0, 1, 1], 2, 10, Names);

        var sub = set.Subset([2, 0]);
        sub.Tokens[0] = 9;

        Assert.Equal([9, 6, 1, 2], sub.Tokens);
        Assert.Equal([1, 0], sub.Groups);
        Assert.Equal(5, set.Tokens[4]);
    }

    [Fact]
    public void Clone_IsADeepCopy()
    {
        var set = new TokenSequenceSet([1, 2, 3, 4], [0, 1], 2, 10, Names);

        var copy = set.Clone();
        copy.Tokens[0] = 7;
        copy.Groups[0] = 1;

        Assert.Equal(1, set.Tokens[0]);
        Assert.Equal(0, set.Groups[0]);
    }

    [Fact]
    public void Constructor_TokenOutsideVocabulary_NamesTheToken()
    {
        var e = Assert.Throws<ArgumentException>(() => new TokenSequenceSet([1, 12], [0], 2, 10, Names));

        Assert.Contains("Token id 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SizesDisagree_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TokenSequenceSet([1, 2, 3], [0, 0], 2, 10, Names));
    }
}
