using BenchmarkDotNet.Attributes;
using FedSec.Configuration;
using FedSec.Data.Text;
using FedSec.Language.Federation;
using FedSec.Language.Lora;
using FedSec.Language.Models;
using FedSec.Randomness;
using FedSec.Simulation;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Bench;

/// <summary>
/// One client's local training in the Exp4 setting (examples/paper/llm.yaml): the small GPT-NeoX of
/// examples/lm/pretrain-brown.yaml (vocabulary 4 096, width 128, 2 layers, 4 heads, MLP 512) with LoRA (r = 8, α = 16,
/// dropout 0.05, query_key_value), 10 AdamW steps (lr 3e-4) of 8 sequences of 64 tokens, gradients clipped to norm 1.
/// FedSec's client training (<see cref="LanguageModelBackend.Train"/>: load the global adapters from the exchanged
/// vector, <see cref="Language.Training.CausalLmTrainer"/>, read the adapters out) next to a plain TorchSharp loop written
/// here on an identical model (same weights, same adapters) and the same sequences. Random weights: the speed does not
/// depend on them, and the benchmark needs no pretrained checkpoint.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class CausalLmTrainingBenchmark : IDisposable
{
    public const int Steps = 10;
    public const int BatchSize = 8;
    public const int SequenceLength = 64;
    public const int Sequences = 120;
    private const double LearningRate = 3e-4;
    private const double MaxGradNorm = 1.0;

    /// <summary>Tokens one invocation trains on (steps × batch × length).</summary>
    public const int TokensPerInvocation = Steps * BatchSize * SequenceLength;

    private static readonly GptNeoXConfig Architecture = new(VocabularySize: 4096, HiddenSize: 128, LayerCount: 2, HeadCount: 4, IntermediateSize: 512);

    private TokenSequenceSet _data = null!;
    private GptNeoX _plainModel = null!;
    private LanguageModelBackend _backend = null!;
    private LocalTrainingSettings _settings = null!;
    private float[] _global = null!;
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var tokens = new int[Sequences * SequenceLength];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = rng.Next(Architecture.VocabularySize);
        }

        _data = new TokenSequenceSet(tokens, new int[Sequences], SequenceLength, Architecture.VocabularySize, ["synthetic"]);
        _plainModel = NewModel();
        var engineModel = NewModel();
        _backend = new LanguageModelBackend(engineModel, new LanguageTraining(Steps, 1, BatchSize, LearningRate, 0, MaxGradNorm), lora: true);
        _global = Language.Parameters.TrainableVectors.ToVector(engineModel, _backend.Layout);
        _settings = new LocalTrainingSettings(1, BatchSize, ClientOptimizer.AdamW, LearningRate, 0, 0, 0);
    }

    private static GptNeoX NewModel()
    {
        using var weights = new Generator(7);
        var model = new GptNeoX(Architecture, weights);
        using var adapters = new Generator(8);
        LoraAdapters.Attach(model, new LoraOptions { Rank = 8, Alpha = 16, Dropout = 0.05, Targets = ["query_key_value"] }, adapters);
        return model;
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _backend?.Dispose();
        _plainModel?.Dispose();
        _backend = null!;
        _plainModel = null!;
    }

    [Benchmark(Baseline = true, Description = "plain TorchSharp loop")]
    public float PlainLoop()
    {
        // What a TorchSharp user writes by hand: shuffle, copy each batch of ids into a tensor, next-token
        // cross-entropy, backward, clip, AdamW step. The adapters keep training from where the last call left them.
        var order = new Random(_round++).Permutation(Sequences);
        var parameters = _plainModel.parameters().Where(p => p.requires_grad).ToArray();
        using var optimizer = optim.AdamW(parameters, LearningRate, weight_decay: 0);
        _plainModel.train();
        var ids = new long[BatchSize * SequenceLength];
        float last = 0;
        for (int step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            for (int i = 0; i < BatchSize; i++)
            {
                var sequence = _data.Sequence(order[(step * BatchSize) + i]);
                for (int j = 0; j < SequenceLength; j++)
                {
                    ids[(i * SequenceLength) + j] = sequence[j];
                }
            }

            var x = tensor(ids, [BatchSize, SequenceLength]);
            optimizer.zero_grad();
            var logits = _plainModel.forward(x);
            var loss = nn.functional.cross_entropy(logits[.., ..^1].reshape(-1, Architecture.VocabularySize), x[.., 1..].reshape(-1));
            loss.backward();
            nn.utils.clip_grad_norm_(parameters, MaxGradNorm);
            optimizer.step();
            last = loss.item<float>();
        }

        return last;
    }

    [Benchmark(Description = "FedSec client training (LanguageModelBackend.Train)")]
    public float EngineTrainer()
    {
        var result = _backend.Train(_global, _data, _settings, new Random(_round), _round++);
        return result.Weights[0];
    }
}
