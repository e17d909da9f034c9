using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// The models an experiment can name. Not a singleton: <see cref="CreateBuiltIn"/> gives a catalog of FedSec's own
/// models and a user adds theirs with <see cref="Register"/>.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelDescriptor> _models = new(StringComparer.Ordinal);

    /// <summary>A catalog of the built-in models: <c>lr</c>, <c>mlp</c>, <c>cnn</c>, <c>cnn_fedavg</c>, <c>lenet5</c>, <c>byzfl_cnn_mnist</c>, <c>resnet20</c>, <c>resnet56</c>, <c>rnn</c>, <c>lenet_dlg</c>.</summary>
    public static ModelCatalog CreateBuiltIn()
    {
        var catalog = new ModelCatalog();
        catalog.Register(new ModelDescriptor(
            "lr",
            "Logistic (softmax) regression: flatten, one linear layer.",
            (shape, classes) => new LogisticRegression(shape, classes)));
        catalog.Register(new ModelDescriptor(
            "mlp",
            $"2-layer perceptron: flatten, linear {Mlp.HiddenUnits}, ReLU, linear.",
            (shape, classes) => new Mlp(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "cnn",
            "FedML's CNN_DropOut (Reddi et al. 2021): conv 3×3 32, conv 3×3 64, max-pool 2, dropout 0.25, linear 128, dropout 0.5, linear.",
            (shape, classes) => new CnnDropOut(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "cnn_fedavg",
            "FedML's CNN_OriginalFedAvg (McMahan et al. 2017): conv 5×5 32, max-pool, conv 5×5 64, max-pool, linear 512, linear.",
            (shape, classes) => new CnnOriginalFedAvg(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "lenet5",
            "LeNet-5 (LeCun et al. 1998) with ReLU and max-pooling: conv 5×5 6, conv 5×5 16, linear 120, 84, classes.",
            (shape, classes) => new LeNet5(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "byzfl_cnn_mnist",
            "ByzFL's cnn_mnist: conv 5×5 20, max-pool, conv 5×5 50, max-pool, linear 500, linear.",
            (shape, classes) => new ByzflCnnMnist(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "resnet20",
            "ResNet-20 for CIFAR (He et al. 2016): 3 stages of 3 basic blocks, 16/32/64 channels, BatchNorm, projection shortcuts.",
            (shape, classes) => new ResNet20(shape, classes))
        {
            HasFeatures = true,
        });
        catalog.Register(new ModelDescriptor(
            "resnet56",
            "FedML's CIFAR ResNet-56 (He et al. 2016): 3 stages of 6 bottleneck blocks, 64/128/256 channels, BatchNorm; 3-channel images only.",
            (shape, classes) => new ResNet56(shape, classes))
        {
            HasFeatures = true,
            InputCheck = ResNet56.Misfit,
        });
        catalog.Register(new ModelDescriptor(
            "rnn",
            "FedML's RNN_OriginalFedAvg (McMahan et al. 2017) for shakespeare: embedding 8 over 90 symbols, 2 LSTM layers of 256, linear from the last position.",
            (shape, classes) => new RnnOriginalFedAvg(shape, classes))
        {
            InputCheck = RnnOriginalFedAvg.Misfit,
        });
        catalog.Register(new ModelDescriptor(
            "lenet_dlg",
            "The LeNet of Deep Leakage from Gradients (Zhu et al. 2019): 3 sigmoid convs 5×5 12, linear; weights U(−0.5, 0.5).",
            (shape, classes) => new LeNetDlg(shape, classes))
        {
            HasFeatures = true,
        });
        return catalog;
    }

    /// <summary>The registered names, in registration order.</summary>
    public IReadOnlyList<string> Names => _models.Values.Select(m => m.Name).ToArray();

    /// <summary>The registered models, in registration order.</summary>
    public IReadOnlyList<ModelDescriptor> Models => _models.Values.ToArray();

    /// <summary>Registers a model; each name once (case and '-' vs '_' ignored).</summary>
    public ModelCatalog Register(ModelDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!_models.TryAdd(Normalize(descriptor.Name), descriptor))
        {
            throw new InvalidOperationException($"A model named '{descriptor.Name}' is registered already.");
        }

        return this;
    }

    /// <summary>Whether a model of that name is registered.</summary>
    public bool Contains(string name) => name is not null && _models.ContainsKey(Normalize(name));

    /// <summary>The model registered under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No model has that name; the message lists the known names.</exception>
    public ModelDescriptor Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _models.TryGetValue(Normalize(name), out var descriptor)
            ? descriptor
            : throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Builds a freshly initialised model (reproducible after <c>torch.manual_seed</c>).</summary>
    /// <exception cref="ArgumentException">Unknown name, a class count below 2, or a shape the model cannot take.</exception>
    public nn.Module<Tensor, Tensor> Create(string name, ImageShape input, int classCount)
    {
        var descriptor = Get(name);
        if (input.Channels <= 0 || input.Height <= 0 || input.Width <= 0)
        {
            throw new ArgumentException($"The image shape {input} is not positive.", nameof(input));
        }

        if (classCount < 2)
        {
            throw new ArgumentException($"A classifier needs at least 2 classes; got {classCount}.", nameof(classCount));
        }

        if (descriptor.Misfit(input) is { } reason)
        {
            throw new ArgumentException($"The model '{descriptor.Name}' cannot take {input} images: {reason}.", nameof(input));
        }

        return descriptor.Create(input, classCount);
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');
}
