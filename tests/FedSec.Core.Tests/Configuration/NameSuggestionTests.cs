using FedSec.Configuration;

namespace FedSec.Core.Tests.Configuration;

public class NameSuggestionTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("comm_round", "comm_round", 0)]
    [InlineData("comm_rounds", "comm_round", 1)]
    [InlineData("trian_args", "train_args", 1)]
    [InlineData("Comm_Round", "comm_round", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_Pairs_CountEditsWithSwaps(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestion.Distance(a, b));
        Assert.Equal(expected, NameSuggestion.Distance(b, a));
    }

    [Fact]
    public void Closest_NearCandidate_IsReturned()
    {
        Assert.Equal("batch_size", NameSuggestion.Closest("bach_size", new[] { "epochs", "batch_size", "comm_round" }));
    }

    [Theory]
    [InlineData("zzz")]
    [InlineData("learning")]
    public void Closest_NothingNear_IsNull(string input)
    {
        Assert.Null(NameSuggestion.Closest(input, new[] { "epochs", "batch_size", "comm_round" }));
    }

    [Fact]
    public void Hint_EndsTheSentence()
    {
        Assert.Equal("; did you mean 'epochs'?", NameSuggestion.Hint("epoch", new[] { "epochs" }));
        Assert.Equal(".", NameSuggestion.Hint("zzz", new[] { "epochs" }));
    }

    [Fact]
    public void SectionHint_SharedSuffixIgnored()
    {
        var sections = new[] { "train_args", "fhe_args" };

        Assert.Equal("; did you mean 'train_args'?", NameSuggestion.SectionHint("trian_args", sections));
        Assert.Equal(".", NameSuggestion.SectionHint("foo_args", sections));
    }
}
