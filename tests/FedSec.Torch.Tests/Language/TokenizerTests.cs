using System.Text.Json;
using FedSec.Data.Text;
using FedSec.Language;
using FedSec.Language.Text;

namespace FedSec.Torch.Tests.Language;

public sealed class TokenizerTests
{
    [Fact]
    public void Gpt2_EncodesWithGpt2Ids()
    {
        // "Hello world" is GPT-2's 15496 ("Hello") and 995 (" world").
        Assert.Equal([15496, 995], LanguageTokenizer.Gpt2().EncodeToIds("Hello world"));
    }

    [Fact]
    public void CorpusVocabulary_KeepsMostFrequentIds_OthersUnknown()
    {
        // Counts: 7 → 3, 5 → 2, 9 → 2, 4 → 1; size 3 keeps 7, then 5 (tie with 9 broken by id).
        var vocabulary = CorpusVocabulary.Build([[7, 5, 9], [7, 7, 5, 9, 4]], 3);

        Assert.Equal([7, 5], vocabulary.Gpt2Ids);
        Assert.Equal([1, 2, 0, 0], vocabulary.Map([7, 5, 9, 4]));
    }

    [Fact]
    public void CorpusVocabulary_SaveThenLoad_SameIds()
    {
        using var dir = new TempDirectory();
        new CorpusVocabulary([15496, 995]).Save(dir.Path);

        var loaded = CorpusVocabulary.Load(dir.File(CorpusVocabulary.FileName));

        Assert.Equal([15496, 995], loaded.Gpt2Ids);
        Assert.Equal([1, 2], new LanguageTokenizer(loaded).Encode("Hello world"));
    }

    [Fact]
    public void HfTokenizerFile_ByteLevelBpe_MergesAsListed()
    {
        using var dir = new TempDirectory();
        var json = new
        {
            model = new
            {
                type = "BPE",
                vocab = new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["Ġ"] = 2, ["ab"] = 3, ["Ġa"] = 4, ["<|endoftext|>"] = 5 },
                merges = new[] { "a b", "Ġ a" },
            },
        };
        File.WriteAllText(dir.File("tokenizer.json"), JsonSerializer.Serialize(json));

        var tokenizer = HfTokenizerFile.Load(dir.File("tokenizer.json"));

        // " ab": "a b" ranks above "Ġ a", so it becomes Ġ + ab; " a" alone becomes Ġa.
        Assert.Equal([3, 2, 3, 4], tokenizer.Encode("ab ab a"));
        Assert.Equal(6, tokenizer.VocabularySize);
    }

    [Fact]
    public void HfTokenizerFile_NotBpe_NamesTheFile()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("tokenizer.json"), """{"model": {"type": "WordPiece", "vocab": {}}}""");

        var e = Assert.Throws<LanguageModelException>(() => HfTokenizerFile.Load(dir.File("tokenizer.json")));

        Assert.Contains("tokenizer.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a BPE tokenizer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusTokens_Split_HoldsOutWholeDocumentsAndNumbersGroupsInOrder()
    {
        var tokenizer = new LanguageTokenizer(new CorpusVocabulary([15496, 995]));
        var docs = new[]
        {
            new TextDocument("a1", "news", "Hello world Hello world"),
            new TextDocument("a2", "news", "Hello world Hello world Hello world"),
            new TextDocument("b1", "humor", "world world"),
        };

        var (train, test) = CorpusTokens.Split(docs, tokenizer, 2, 0.5, new Random(0));

        Assert.Equal(["news", "humor"], train.GroupNames);
        Assert.Equal(3, train.VocabularySize);
        Assert.Equal(0, test.Groups.Distinct().Single());
        Assert.Equal(2 + 3 + 1, train.Count + test.Count);
        Assert.Equal(1, train.Groups.Count(g => g == 1));
    }
}
