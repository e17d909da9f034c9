using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Language.Models;
using FedSec.Language.Parameters;
using FedSec.Language.Training;
using FedSec.Parameters;
using FedSec.Simulation;
using static TorchSharp.torch;

namespace FedSec.Language.Federation;

/// <summary>
/// The engine's model backend for a GPT-NeoX language model on token sequences. Its layout is the trainable part only
/// (<see cref="TrainableVectors"/>): the LoRA adapters, so the frozen base is never sent, attacked nor aggregated, and
/// every vector attack and defense runs unchanged on the adapters; every parameter in full fine-tuning. A client trains
/// with <see cref="CausalLmTrainer"/> (AdamW, gradient clipping) from the global adapters; an evaluation gives the
/// test loss, perplexity and top-1 next-token accuracy; greedy continuations serve the text backdoor's attack success
/// rate. One model instance: clients train one at a time.
/// </summary>
public sealed class LanguageModelBackend : IModelBackend, IGreedyDecoder
{
    private readonly GptNeoX _model;
    private readonly LanguageTraining _training;
    private readonly bool _lora;
    private readonly float[] _initial;

    /// <summary>Wraps <paramref name="model"/>, whose adapters are attached (LoRA) or whose parameters all train (full fine-tuning).</summary>
    /// <param name="model">The model; the backend owns and disposes it.</param>
    /// <param name="training">Local training's settings.</param>
    /// <param name="lora">Whether the trainable part is LoRA adapters (re-initialised per seed) rather than the whole model.</param>
    public LanguageModelBackend(GptNeoX model, LanguageTraining training, bool lora)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        _model = model;
        _training = training;
        _lora = lora;
        Layout = TrainableVectors.LayoutOf(model);
        _initial = TrainableVectors.ToVector(model, Layout);
    }

    /// <inheritdoc />
    public ParameterLayout Layout { get; }

    /// <summary>The wrapped model (its trainable part holds whatever was loaded or trained last).</summary>
    public GptNeoX Model => _model;

    /// <inheritdoc />
    /// <remarks>
    /// LoRA: new adapters drawn from <paramref name="seed"/> as <see cref="Lora.LoraAdapters.Attach"/> draws them (A uniform
    /// in ±1/√in, layer after layer; B zero), so the initial model is the base. Full fine-tuning: the base's weights.
    /// </remarks>
    public float[] InitialWeights(int seed)
    {
        if (!_lora)
        {
            return (float[])_initial.Clone();
        }

        using var generator = new Generator((ulong)(uint)seed);
        using (no_grad())
        {
            foreach (var (_, layer) in _model.LinearLayers())
            {
                if (layer.Adapter is { } adapter)
                {
                    double bound = 1 / Math.Sqrt(layer.InFeatures);
                    adapter.A.uniform_(-bound, bound, generator);
                    adapter.B.zero_();
                }
            }
        }

        return TrainableVectors.ToVector(_model, Layout);
    }

    /// <inheritdoc />
    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Constraint is not null)
        {
            throw new ArgumentException("The language backend does not apply local-training constraints; binding refuses such attacks on text.", nameof(settings));
        }

        var sequences = Sequences(data);
        TrainableVectors.LoadVector(_model, Layout, global);
        int steps = _training.StepsFor(sequences.Count, settings.MaxSteps);
        var causal = new CausalLmSettings(steps, _training.BatchSize, _training.LearningRate, _training.WeightDecay, _training.MaxGradNorm);
        double loss = CausalLmTrainer.Train(_model, sequences, causal, order, (uint)seed);
        return new LocalTrainingResult(TrainableVectors.ToVector(_model, Layout), steps, loss);
    }

    /// <inheritdoc />
    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test)
    {
        var sequences = Sequences(test);
        TrainableVectors.LoadVector(_model, Layout, weights);
        var quality = CausalLmEvaluator.Evaluate(_model, sequences, _training.BatchSize);
        return new FedSec.Simulation.Evaluation(quality.Accuracy, quality.Loss, new int[0, 0]) { Perplexity = quality.Perplexity };
    }

    /// <inheritdoc />
    public int[][] GreedyContinuations(float[] weights, IReadOnlyList<int[]> prompts, int tokens)
    {
        TrainableVectors.LoadVector(_model, Layout, weights);
        return GreedyDecoder.Continue(_model, prompts, tokens, _training.BatchSize);
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private static TokenSequenceSet Sequences(IClientDataset data) =>
        data as TokenSequenceSet ?? throw new ArgumentException($"The language model backend takes token sequences, not {data?.Kind.ToString() ?? "null"}.", nameof(data));
}
