using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;
using FedSec.Torch.Data;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Simulation;

/// <summary>
/// The TorchSharp model backend of a simulation: one model instance, reused for every client's local training and
/// for evaluation (calls come one at a time), with the data set's per-channel normalisation.
/// </summary>
public sealed class TorchModelBackend : IModelBackend
{
    private readonly ModelDescriptor _model;
    private readonly ImageShape _shape;
    private readonly int _classes;
    private readonly nn.Module<Tensor, Tensor> _module;
    private readonly LocalTrainer _trainer;
    private readonly Evaluator _evaluator;
    private readonly ChannelNormalization _normalization;

    /// <summary>Creates the model <paramref name="model"/> for images of <paramref name="info"/>'s shape and classes.</summary>
    public TorchModelBackend(ModelDescriptor model, DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        _model = model;
        _shape = new ImageShape(info.Channels, info.Height, info.Width);
        _classes = info.ClassCount;
        _module = model.Create(_shape, _classes);
        Layout = ModuleVectors.LayoutOf(_module);
        _trainer = new LocalTrainer(_module, Layout);
        _evaluator = new Evaluator(_module, Layout);
        _normalization = new ChannelNormalization(info.Mean, info.Std);
    }

    /// <inheritdoc />
    public ParameterLayout Layout { get; }

    /// <summary>The model's name.</summary>
    public string ModelName => _model.Name;

    /// <inheritdoc />
    public float[] InitialWeights(int seed)
    {
        random.manual_seed(seed);
        var fresh = _model.Create(_shape, _classes);
        try
        {
            return ModuleVectors.ToVector(fresh, Layout);
        }
        finally
        {
            fresh.Dispose();
        }
    }

    /// <inheritdoc />
    public LocalTrainingResult Train(ReadOnlySpan<float> global, ImageSet data, LocalTrainingSettings settings, Random order, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new LocalTrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Optimizer = LocalTrainingOptions.ParseOptimizer(settings.Optimizer),
            LearningRate = settings.LearningRate,
            Momentum = settings.Momentum,
            WeightDecay = settings.WeightDecay,
            ProximalMu = settings.ProximalMu,
            Constraint = settings.Constraint,
        };
        using var oneDnn = _model.AvoidOneDnn ? OneDnn.Suspend() : null;
        return _trainer.Train(data, global, options, order, seed, _normalization);
    }

    /// <inheritdoc />
    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, ImageSet test)
    {
        var r = _evaluator.Evaluate(weights, test, _normalization);
        return new FedSec.Simulation.Evaluation(r.Accuracy, r.MeanLoss, r.Confusion);
    }

    /// <inheritdoc />
    public void Dispose() => _module.Dispose();
}
