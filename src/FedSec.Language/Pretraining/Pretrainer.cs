using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FedSec.Data.Text;
using FedSec.Language.Checkpoints;
using FedSec.Language.Models;
using FedSec.Language.Text;
using FedSec.Language.Training;
using FedSec.Randomness;
using TorchSharp;

namespace FedSec.Language.Pretraining;

/// <summary>
/// Pretrains a small GPT-NeoX centrally on a corpus (<c>fedsec lm pretrain</c>), since no pretrained language model
/// can be downloaded here: GPT-2's BPE cut to the training documents' most frequent ids, whole documents held out per
/// group for the test loss, full training with AdamW and gradient clipping. The result is cached under
/// <c>lm/&lt;corpus&gt;-&lt;key&gt;/</c> in the data directory, the key hashing every option, so the same options
/// reuse it. Everything random derives from the options' seed.
/// </summary>
public static class Pretrainer
{
    /// <summary>The record of a finished pretraining in the model directory.</summary>
    public const string RecordFileName = "pretrain.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The cache key of <paramref name="options"/>: the first 16 hex digits of the SHA-256 of their JSON.</summary>
    public static string Key(PretrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string json = JsonSerializer.Serialize(options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];
    }

    /// <summary>Where <paramref name="options"/>' model lives under <paramref name="dataDir"/>.</summary>
    public static string ModelDirectory(PretrainOptions options, string dataDir) =>
        Path.Combine(dataDir, "lm", $"{TextCorpusCatalog.CanonicalName(options.Corpus)}-{Key(options)}");

    /// <summary>Pretrains on <paramref name="documents"/> into <see cref="ModelDirectory"/>, or returns the cached model's record.</summary>
    /// <param name="options">What to train.</param>
    /// <param name="documents">The corpus <paramref name="options"/> names, in its order.</param>
    /// <param name="dataDir">The data directory.</param>
    /// <param name="onStep">Called after each step with its index and loss; null for none.</param>
    public static PretrainResult Run(PretrainOptions options, IReadOnlyList<TextDocument> documents, string dataDir, Action<int, double>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(documents);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new LanguageModelException("pretraining options", string.Join(" ", problems));
        }

        string directory = ModelDirectory(options, dataDir);
        string record = Path.Combine(directory, RecordFileName);
        if (File.Exists(record))
        {
            return JsonSerializer.Deserialize<PretrainResult>(File.ReadAllText(record))! with { Directory = directory, Cached = true };
        }

        var seeds = new SeedStreams(options.Seed);
        var gpt2 = LanguageTokenizer.Gpt2();
        var held = HeldOutDocuments.TestIndices(documents, options.TestFraction, seeds.Random("held-out-documents")).ToHashSet();
        var vocabulary = CorpusVocabulary.Build(documents.Where((_, i) => !held.Contains(i)).Select(d => gpt2.EncodeToIds(d.Text)), options.VocabularySize);
        var tokenizer = new LanguageTokenizer(vocabulary);
        var (train, test) = CorpusTokens.Split(documents, tokenizer, options.SequenceLength, options.TestFraction, seeds.Random("held-out-documents"));

        using var init = new torch.Generator(seeds.Derive("model-init"));
        using var model = new GptNeoX(options.ModelConfig() with { VocabularySize = vocabulary.Size }, init);
        var recent = new Queue<double>();
        void Step(int step, double loss)
        {
            recent.Enqueue(loss);
            if (recent.Count > 50)
            {
                recent.Dequeue();
            }

            onStep?.Invoke(step, loss);
        }

        CausalLmTrainer.Train(model, train, new CausalLmSettings(options.Steps, options.BatchSize, options.LearningRate), seeds.Random("batch-order"), seeds.DeriveInt("dropout"), Step);
        var quality = CausalLmEvaluator.Evaluate(model, test, options.BatchSize);

        // Written through a staging directory, so that a cached directory is always complete.
        string staging = directory + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        HfCheckpoint.Save(model, staging);
        vocabulary.Save(staging);
        var result = new PretrainResult(directory, Key(options), false, train.Count, test.Count, recent.Average(), quality.Loss);
        File.WriteAllText(Path.Combine(staging, "pretrain_options.json"), JsonSerializer.Serialize(options, Indented) + "\n");
        File.WriteAllText(Path.Combine(staging, RecordFileName), JsonSerializer.Serialize(result, Indented) + "\n");
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.Move(staging, directory);
        return result;
    }
}
