using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>A model that an experiment can name in <c>model_args.model</c>.</summary>
/// <param name="Name">The config name, e.g. <c>cnn</c>.</param>
/// <param name="Summary">One line for <c>fedsec list</c>: the architecture and where it comes from.</param>
/// <param name="Create">
/// Builds a freshly initialised model for images of the given shape and a number of classes. Initialisation draws
/// from torch's global generator, so <c>torch.manual_seed</c> before the call makes it reproducible. Throws
/// <see cref="ArgumentException"/> when the model cannot take that shape.
/// </param>
public sealed record ModelDescriptor(string Name, string Summary, Func<ImageShape, int, nn.Module<Tensor, Tensor>> Create)
{
    /// <summary>
    /// Says why the model cannot take images of a shape (a sentence naming the model and the shape), or returns null
    /// when it can; asked before any data is loaded, so that a model that does not fit a data set is a configuration
    /// error. Null (the default) accepts every shape (<see cref="Create"/> still throws for one it cannot build).
    /// </summary>
    public Func<ImageShape, string?>? InputCheck { get; init; }

    /// <summary>
    /// Whether the model's modules implement <see cref="IPenultimateModel"/> (expose the input of their last linear
    /// layer), which FLARE needs; a configuration that pairs a model without it with such a defense is an error naming
    /// <c>model_args.model</c>, found before any data is loaded.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool HasFeatures { get; init; }

    /// <summary>Why the model cannot take images of <paramref name="shape"/>, or null when it can (as far as <see cref="InputCheck"/> says).</summary>
    public string? Misfit(ImageShape shape) => InputCheck?.Invoke(shape);
}
