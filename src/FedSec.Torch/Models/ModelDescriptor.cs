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
public sealed record ModelDescriptor(string Name, string Summary, Func<ImageShape, int, nn.Module<Tensor, Tensor>> Create);
