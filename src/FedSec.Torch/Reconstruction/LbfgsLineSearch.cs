namespace FedSec.Torch.Reconstruction;

/// <summary>How <see cref="Lbfgs"/> chooses the length of each step.</summary>
internal enum LbfgsLineSearch
{
    /// <summary>A fixed step (the learning rate; the very first one scaled down), as PyTorch's L-BFGS without <c>line_search_fn</c>.</summary>
    None,

    /// <summary>A step satisfying the strong Wolfe conditions (<see cref="StrongWolfeLineSearch"/>), as PyTorch's <c>line_search_fn="strong_wolfe"</c>.</summary>
    StrongWolfe,
}
