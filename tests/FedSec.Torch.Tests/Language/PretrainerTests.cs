using FedSec.Data.Text;
using FedSec.Language;
using FedSec.Language.Checkpoints;
using FedSec.Language.Pretraining;

namespace FedSec.Torch.Tests.Language;

public sealed class PretrainerTests
{
    private static readonly PretrainOptions Tiny = new()
    {
        VocabularySize = 20, SequenceLength = 4, HiddenSize = 8, LayerCount = 1, HeadCount = 2, IntermediateSize = 8,
        RotaryPercent = 0.5, Steps = 3, BatchSize = 2, TestFraction = 0.5,
    };

    private static readonly TextDocument[] Corpus =
    [
        new("ca01", "news", "The jury said that the city of Atlanta had no evidence of any fraud."),
        new("ca02", "news", "The mayor said that the city of Atlanta had a fine year in the sun."),
        new("cr01", "humor", "It was a dark and stormy night, and the cat said nothing at all to us."),
        new("cr02", "humor", "The dog said that the night was dark, and the cat did not agree at all."),
    ];

    [Fact]
    public void Run_WritesALoadableModelDirectory_ThenReusesIt()
    {
        using var dir = new TempDirectory();

        var first = Pretrainer.Run(Tiny, Corpus, dir.Path);
        var second = Pretrainer.Run(Tiny, Corpus, dir.Path);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal(first with { Cached = true }, second);
        Assert.Equal(Pretrainer.ModelDirectory(Tiny, dir.Path), first.Directory);
        using var model = LanguageModelDirectory.LoadModel(first.Directory);
        var tokenizer = LanguageModelDirectory.LoadTokenizer(first.Directory, model.Config);
        Assert.Equal(20, model.Config.VocabularySize);
        Assert.All(tokenizer.Encode("The city said"), id => Assert.InRange(id, 1, 19));
        Assert.True(double.IsFinite(first.TestLoss));
    }

    [Fact]
    public void Run_SameOptions_SameModel()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        var x = Pretrainer.Run(Tiny, Corpus, a.Path);
        var y = Pretrainer.Run(Tiny, Corpus, b.Path);

        Assert.Equal(x.TestLoss, y.TestLoss);
        Assert.Equal(File.ReadAllBytes(Path.Combine(x.Directory, HfCheckpoint.WeightsFileName)), File.ReadAllBytes(Path.Combine(y.Directory, HfCheckpoint.WeightsFileName)));
    }

    [Fact]
    public void Key_DiffersWhenAnOptionDoes()
    {
        Assert.Equal(Pretrainer.Key(Tiny), Pretrainer.Key(Tiny with { }));
        Assert.NotEqual(Pretrainer.Key(Tiny), Pretrainer.Key(Tiny with { Steps = 4 }));
    }

    [Fact]
    public void Parse_UnknownKeyAndBadValue_ListsBoth()
    {
        var e = Assert.Throws<LanguageModelException>(() => PretrainOptionsReader.Parse("steps: many\nhidden: 8\n", "p.yaml"));

        Assert.Contains("p.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("steps is 'many'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'hidden' is not a pretraining key", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("21215b5b00")] // YamlDotNet: ArgumentException (global tags must be valid URIs)
    [InlineData("2e2e2e00")]   // YamlDotNet: InvalidOperationException (the scanner should contain no more tokens)
    public void Parse_InputYamlDotNetFailsOnWithoutAYamlException_IsALanguageModelErrorNamingTheFile(string hex)
    {
        string text = System.Text.Encoding.UTF8.GetString(Convert.FromHexString(hex));

        var e = Assert.Throws<LanguageModelException>(() => PretrainOptionsReader.Parse(text, "p.yaml"));

        Assert.Contains("p.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListAsKeyAndListAsValue_NamedInsteadOfCast()
    {
        var e = Assert.Throws<LanguageModelException>(() => PretrainOptionsReader.Parse("[a, b]: 1\nsteps: [1, 2]\n", "p.yaml"));

        Assert.Contains("a key is not a plain name (line 1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("steps is a list or a mapping (line 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Keys_OverrideTheDefaults()
    {
        var options = PretrainOptionsReader.Parse("corpus: sotu\nsteps: 7\nlearning_rate: 0.01\n", "p.yaml");

        Assert.Equal(new PretrainOptions { Corpus = "sotu", Steps = 7, LearningRate = 0.01 }, options);
    }
}
