using FedSec.Language.Models;

namespace FedSec.Language.Pretraining;

/// <summary>
/// What <c>fedsec lm pretrain</c> trains: a small GPT-NeoX on one corpus, centrally, as the base model a federated
/// experiment fine-tunes. Every value has a default; a YAML file overrides them by key (<see cref="PretrainOptionsReader"/>).
/// </summary>
public sealed record PretrainOptions
{
    /// <summary>The corpus (<c>corpus</c>): <c>brown</c> or <c>sotu</c>.</summary>
    /// <value>The default value is <c>brown</c>.</value>
    public string Corpus { get; init; } = "brown";

    /// <summary>Model ids (<c>vocabulary_size</c>): GPT-2's BPE cut to this many ids of the corpus (<see cref="Text.CorpusVocabulary"/>).</summary>
    /// <value>The default value is 4096.</value>
    public int VocabularySize { get; init; } = 4096;

    /// <summary>Tokens per training sequence (<c>sequence_length</c>).</summary>
    /// <value>The default value is 64.</value>
    public int SequenceLength { get; init; } = 64;

    /// <summary>Width (<c>hidden_size</c>).</summary>
    /// <value>The default value is 128.</value>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Layers (<c>num_hidden_layers</c>).</summary>
    /// <value>The default value is 2.</value>
    public int LayerCount { get; init; } = 2;

    /// <summary>Heads (<c>num_attention_heads</c>).</summary>
    /// <value>The default value is 4.</value>
    public int HeadCount { get; init; } = 4;

    /// <summary>MLP width (<c>intermediate_size</c>).</summary>
    /// <value>The default value is 512.</value>
    public int IntermediateSize { get; init; } = 512;

    /// <summary>Rotary share of each head (<c>rotary_pct</c>).</summary>
    /// <value>The default value is 0.25, Pythia's.</value>
    public double RotaryPercent { get; init; } = 0.25;

    /// <summary>Optimizer steps (<c>steps</c>).</summary>
    /// <value>The default value is 1500.</value>
    public int Steps { get; init; } = 1500;

    /// <summary>Sequences per batch (<c>batch_size</c>).</summary>
    /// <value>The default value is 16.</value>
    public int BatchSize { get; init; } = 16;

    /// <summary>AdamW's learning rate (<c>learning_rate</c>).</summary>
    /// <value>The default value is 0.001.</value>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Share of each genre's documents held out for the test loss (<c>test_fraction</c>).</summary>
    /// <value>The default value is 0.1.</value>
    public double TestFraction { get; init; } = 0.1;

    /// <summary>The seed of the initialisation, the held-out documents and the batch order (<c>random_seed</c>).</summary>
    /// <value>The default value is 0.</value>
    public int Seed { get; init; }

    /// <summary>The model's architecture.</summary>
    public GptNeoXConfig ModelConfig() => new(VocabularySize, HiddenSize, LayerCount, HeadCount, IntermediateSize, RotaryPercent, MaxPositions: Math.Max(SequenceLength, 2048));

    /// <summary>Every problem, each a sentence naming its key; empty when the options are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        Check(FedSec.Data.Text.TextCorpusCatalog.IsKnown(Corpus), $"corpus is '{Corpus}'; the corpora are {string.Join(", ", FedSec.Data.Text.TextCorpusCatalog.Names)}.");
        Check(VocabularySize is >= 2 and <= 50258, $"vocabulary_size is {VocabularySize}; it must be in 2..50258 (GPT-2's 50 257 ids and the unknown id).");
        Check(SequenceLength >= 2, $"sequence_length is {SequenceLength}; it must be at least 2.");
        Check(HiddenSize >= 1 && HeadCount >= 1 && HiddenSize % HeadCount == 0, $"hidden_size {HiddenSize} must be a positive multiple of num_attention_heads {HeadCount}.");
        Check(HeadCount < 1 || HiddenSize % HeadCount != 0 || (int)(HiddenSize / HeadCount * RotaryPercent) % 2 == 0, $"rotary_pct {RotaryPercent} gives an odd number of rotary dimensions per head; they must be even.");
        Check(LayerCount >= 1, $"num_hidden_layers is {LayerCount}; it must be at least 1.");
        Check(IntermediateSize >= 1, $"intermediate_size is {IntermediateSize}; it must be at least 1.");
        Check(RotaryPercent is >= 0 and <= 1, $"rotary_pct is {RotaryPercent}; it must be in [0, 1].");
        Check(Steps >= 1, $"steps is {Steps}; it must be at least 1.");
        Check(BatchSize >= 1, $"batch_size is {BatchSize}; it must be at least 1.");
        Check(LearningRate > 0, $"learning_rate is {LearningRate}; it must be positive.");
        Check(TestFraction is > 0 and < 1, $"test_fraction is {TestFraction}; it must be in (0, 1).");
        return problems;
    }
}
