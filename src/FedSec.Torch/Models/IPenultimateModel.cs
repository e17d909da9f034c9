using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// A classifier that exposes its penultimate-layer representation, the input of its last linear layer, for defenses
/// that compare models in latent space (FLARE) and attacks that train the encoder apart from the head. In evaluation
/// mode <c>Head(Features(x))</c> equals <c>forward(x)</c> exactly (the same operations in the same order).
/// </summary>
public interface IPenultimateModel
{
    /// <summary>The representation the last linear layer takes, N × features.</summary>
    Tensor Features(Tensor input);

    /// <summary>The last linear layer on a representation: the logits.</summary>
    Tensor Head(Tensor features);

    /// <summary>The parameters of that last linear layer (weight, then bias), for training the head apart from the encoder.</summary>
    IEnumerable<TorchSharp.Modules.Parameter> HeadParameters();
}
