using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Torch.Data;
using FedSec.Torch.Parameters;
using TorchSharp;
using TorchSharp.Modules;
using FedSec.Simulation;
using FedSec.Stages;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// Trains one client's model locally, FedAvg-style (McMahan et al., AISTATS 2017), optionally with FedProx's proximal
/// term (Li et al., MLSys 2020): load the global vector into a reused model, run mini-batch SGD or Adam on the client's
/// images with cross-entropy (a multi-label set, StackOverflow's tags: binary cross-entropy summed over the batch and the
/// labels, FedML's <c>BCELoss(reduction="sum")</c> on the sigmoid of the outputs), read the new vector out. A trainer trains one client at a time on its model instance; the
/// backend keeps one trainer per concurrent client. The trainer does not own the model.
/// </summary>
public sealed class LocalTrainer : IDisposable
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly Generator? _dropoutGenerator;

    /// <summary>Creates a trainer that reuses <paramref name="model"/>, whose state has <paramref name="layout"/>.</summary>
    public LocalTrainer(nn.Module<Tensor, Tensor> model, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        OneDnn.Disable();
        _model = model;
        Layout = layout;
        var dropouts = model.modules().OfType<Models.SeededDropout>().ToArray();
        if (dropouts.Length > 0)
        {
            _dropoutGenerator = new Generator(0);
            foreach (var d in dropouts)
            {
                d.Generator = _dropoutGenerator;
            }
        }
    }

    /// <summary>Releases the trainer's dropout generator (not the model).</summary>
    public void Dispose() => _dropoutGenerator?.Dispose();

    /// <summary>The layout of the vectors this trainer reads and returns.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The model this trainer trains (for <see cref="AdversarialTrainer"/>, which trains on the same instance).</summary>
    internal nn.Module<Tensor, Tensor> Model => _model;

    /// <summary>Seeds torch's global generator and the trainer's dropout generator, as <see cref="Train"/> does.</summary>
    internal void SeedRandomness(long torchSeed)
    {
        random.manual_seed(torchSeed);
        _dropoutGenerator?.manual_seed(torchSeed);
    }

    /// <summary>
    /// Trains from <paramref name="global"/> on <paramref name="data"/> and returns the new flat model.
    /// </summary>
    /// <param name="data">The client's images (pixels in [0, 1]) and labels.</param>
    /// <param name="global">The global model the client starts from.</param>
    /// <param name="options">Epochs, batch size, optimizer and its settings, FedProx μ.</param>
    /// <param name="batchOrder">
    /// Draws each epoch's sample order; the engine derives it from (seed, round, client). The last partial batch is kept.
    /// </param>
    /// <param name="torchSeed">
    /// Seeds the trainer's own dropout generator (the model's <see cref="Models.SeededDropout"/> layers draw from it,
    /// bit for bit as torch's dropout does from the global generator with this seed) and torch's global generator (for
    /// other random layers, which make the model unfit for training several clients at once).
    /// </param>
    /// <param name="normalization">Per-channel normalisation of the input; null feeds the pixels as they are.</param>
    /// <exception cref="ArgumentException">Invalid options, or <paramref name="global"/> does not fit the layout.</exception>
    public LocalTrainingResult Train(
        ImageSet data,
        ReadOnlySpan<float> global,
        LocalTrainingOptions options,
        Random batchOrder,
        long torchSeed,
        ChannelNormalization? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(batchOrder);
        options.Validate();
        ModuleVectors.LoadVector(_model, Layout, global);
        int n = data.Count;
        if (n == 0)
        {
            return new LocalTrainingResult(global.ToArray(), 0, 0);
        }

        using var scope = NewDisposeScope();
        random.manual_seed(torchSeed);
        _dropoutGenerator?.manual_seed(torchSeed);
        _model.train();
        var trainable = _model.parameters().Where(p => p.requires_grad).ToArray();
        using var optimizer = CreateOptimizer(trainable, options);
        var anchors = options.ProximalMu > 0 ? trainable.Select(p => p.detach().clone()).ToArray() : null;
        var start = options.Constraint is null ? null : global.ToArray();

        var images = ImageTensors.Images(data, 0, n);
        normalization?.ApplyInPlace(images);
        var labels = data.Targets is null ? ImageTensors.Labels(data, 0, n) : ImageTensors.Targets(data, 0, n);
        var order = new long[n];
        int steps = 0;
        double lossSum = 0;
        long stepped = 0;
        for (int epoch = 0; epoch < options.Epochs && (options.MaxSteps == 0 || steps < options.MaxSteps); epoch++)
        {
            using var epochScope = NewDisposeScope();
            var permutation = batchOrder.Permutation(n);
            for (int i = 0; i < n; i++)
            {
                order[i] = permutation[i];
            }

            // One gather per epoch; each batch is then a view of consecutive rows.
            var index = tensor(order);
            var epochImages = images.index_select(0, index);
            var epochLabels = labels.index_select(0, index);
            int batches = (n + options.BatchSize - 1) / options.BatchSize;
            if (options.MaxSteps > 0)
            {
                // FedSGD: the step limit ends training early; the mean loss is then over the samples stepped on.
                batches = Math.Min(batches, options.MaxSteps - steps);
            }

            for (int batch = 0; batch < batches; batch++)
            {
                using var stepScope = NewDisposeScope();
                int first = batch * options.BatchSize;
                int count = Math.Min(options.BatchSize, n - first);
                optimizer.ZeroGrad();
                var logits = _model.forward(epochImages.narrow(0, first, count));
                var loss = Loss(logits, epochLabels.narrow(0, first, count), data.Targets is not null);
                var objective = anchors is null ? loss : loss.Plus(ProximalTerm(trainable, anchors, options.ProximalMu));
                objective.backward();
                optimizer.Step();
                lossSum += data.Targets is null ? loss.item<float>() * (double)count : loss.item<float>();
                stepped += count;
                steps++;
                if (options.Constraint is { } constraint && (batch % constraint.StepInterval == 0 || batch == batches - 1))
                {
                    Constrain(constraint, start!);
                }
            }
        }

        double samples = options.MaxSteps > 0 ? stepped : (double)n * options.Epochs;
        return new LocalTrainingResult(ModuleVectors.ToVector(_model, Layout), steps, lossSum / samples);
    }

    // Single-label: mean cross-entropy. Multi-label: FedML's BCELoss(reduction="sum") on sigmoid(outputs), computed from the
    // logits (libtorch's binary_cross_entropy_with_logits; the same loss, without BCELoss's log clamp at −100, which only
    // acts once a sigmoid saturates in float32).
    internal static Tensor Loss(Tensor logits, Tensor targets, bool multiLabel) => multiLabel
        ? nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.Sum)
        : nn.functional.cross_entropy(logits, targets);

    // The constraint works on the flat model; the optimizer's state (momentum, Adam's moments) is kept, as a client
    // projecting its own model would.
    private void Constrain(ILocalModelConstraint constraint, float[] global)
    {
        var weights = ModuleVectors.ToVector(_model, Layout);
        constraint.Apply(weights, global, Layout);
        ModuleVectors.LoadVector(_model, Layout, weights);
    }

    internal static ILocalOptimizer CreateOptimizer(Parameter[] trainable, LocalTrainingOptions options) => options.Optimizer switch
    {
        ClientOptimizer.Sgd => new KeptAliveSgd(trainable, options.LearningRate, options.Momentum, options.WeightDecay),
        ClientOptimizer.Adam => new KeptAliveAdam(trainable, options.LearningRate, options.WeightDecay, options.Amsgrad),
        ClientOptimizer.AdamW => new KeptAliveAdam(trainable, options.LearningRate, options.WeightDecay, decoupled: true),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "Unknown optimizer."),
    };

    // μ/2 · Σ‖w − w_global‖² over the trainable tensors (FedProx's proximal term).
    private static Tensor ProximalTerm(Parameter[] trainable, Tensor[] anchors, double mu)
    {
        Tensor? sum = null;
        for (int i = 0; i < trainable.Length; i++)
        {
            var diff = trainable[i] - anchors[i];
            var d = (diff * diff).sum();
            sum = sum is null ? d : sum.Plus(d);
        }

        return sum!.Times(mu / 2);
    }
}
