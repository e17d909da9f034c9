using System.Collections.Concurrent;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Data;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Simulation;

/// <summary>
/// The TorchSharp model backend of a simulation, with the data set's per-channel normalisation. Local training runs on
/// model instances kept in a pool, one per client training at the moment (up to <see cref="MaxConcurrentTrainings"/>);
/// evaluation uses the first. Concurrent training gives the same numbers as serial training because each trainer draws
/// its dropout masks from its own generator seeded per (round, client) (<see cref="SeededDropout"/>) and every tensor
/// operation runs on the calling thread. Models with other randomness (libtorch's own dropout layers) or that need oneDNN
/// switched off (a process-wide flag) train one client at a time.
/// </summary>
public sealed class TorchModelBackend : IModelBackend, IModelProbe
{
    private readonly ModelDescriptor _model;
    private readonly ImageShape _shape;
    private readonly int _classes;
    private readonly TrainingWorker _first;
    private readonly Evaluator _evaluator;
    private readonly ChannelNormalization _normalization;
    private readonly ConcurrentBag<TrainingWorker> _idle = new();
    private readonly List<TrainingWorker> _workers = new();
    private readonly object _gate = new();
    private readonly TorchModelProbe _probe;

    /// <summary>Creates the model <paramref name="model"/> for images of <paramref name="info"/>'s shape and classes.</summary>
    /// <param name="model">The model to create.</param>
    /// <param name="info">The data set's image shape, classes and normalisation.</param>
    /// <param name="concurrentTrainings">How many clients may train at once (capped at 1 for models that cannot).</param>
    public TorchModelBackend(ModelDescriptor model, DatasetInfo info, int concurrentTrainings = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentTrainings, 1);
        OneDnn.Disable();
        _model = model;
        _shape = new ImageShape(info.Channels, info.Height, info.Width);
        _classes = info.ClassCount;
        var module = model.Create(_shape, _classes);
        Layout = ModuleVectors.LayoutOf(module);
        _first = new TrainingWorker(module, new LocalTrainer(module, Layout));
        _workers.Add(_first);
        _idle.Add(_first);
        _evaluator = new Evaluator(module, Layout);
        _normalization = new ChannelNormalization(info.Mean, info.Std);
        _probe = new TorchModelProbe(() => model.Create(_shape, _classes), Layout, _shape, _classes, model.HasFeatures, _normalization);
        MaxConcurrentTrainings = module.modules().Any(RandomModules.DrawsFromGlobalGenerator) ? 1 : concurrentTrainings;
    }

    /// <inheritdoc />
    public ParameterLayout Layout { get; }

    /// <summary>The model's name.</summary>
    public string ModelName => _model.Name;

    /// <inheritdoc />
    public int MaxConcurrentTrainings { get; }

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
    public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var images = Images(data);
        var options = new LocalTrainingOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Optimizer = settings.Optimizer,
            LearningRate = settings.LearningRate,
            Momentum = settings.Momentum,
            WeightDecay = settings.WeightDecay,
            ProximalMu = settings.ProximalMu,
            Constraint = settings.Constraint,
            MaxSteps = settings.MaxSteps,
        };
        var worker = Rent();
        try
        {
            return settings.Objective is { } objective
                ? AdversarialTrainer.Train(worker.Trainer, images, global, options, objective, order, seed, _normalization)
                : worker.Trainer.Train(images, global, options, order, seed, _normalization);
        }
        finally
        {
            _idle.Add(worker);
        }
    }

    /// <inheritdoc />
    public FedSec.Simulation.Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test)
    {
        var r = _evaluator.Evaluate(weights, Images(test), _normalization);
        return new FedSec.Simulation.Evaluation(r.Accuracy, r.MeanLoss, r.Confusion) { Extras = r.Extras };
    }

    /// <inheritdoc />
    public int Channels => _shape.Channels;

    /// <inheritdoc />
    public int Height => _shape.Height;

    /// <inheritdoc />
    public int Width => _shape.Width;

    /// <inheritdoc />
    public int ClassCount => _classes;

    /// <inheritdoc />
    public bool HasFeatures => _model.HasFeatures;

    /// <inheritdoc />
    public ProbeOutputs Probe(ReadOnlySpan<float> weights, ReadOnlySpan<float> pixels, int count, bool features) =>
        _probe.Probe(weights, pixels, count, features);

    // The factory pairs this backend with image data only; anything else is a bug in the caller.
    private static ImageSet Images(IClientDataset data) =>
        data as ImageSet ?? throw new ArgumentException($"The image model backend takes images, not {data?.Kind.ToString() ?? "null"}.", nameof(data));

    /// <inheritdoc />
    public void Dispose()
    {
        _probe.Dispose();
        foreach (var w in _workers)
        {
            w.Trainer.Dispose();
            w.Module.Dispose();
        }
    }

    private TrainingWorker Rent()
    {
        if (_idle.TryTake(out var worker))
        {
            return worker;
        }

        // Another client is training on every instance: make one more. Its initial weights do not matter (training
        // loads the global model first).
        var module = _model.Create(_shape, _classes);
        worker = new TrainingWorker(module, new LocalTrainer(module, Layout));
        lock (_gate)
        {
            _workers.Add(worker);
        }

        return worker;
    }
}
