using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// Dropout (Srivastava et al., JMLR 2014) that draws its masks from a generator of its own (<see cref="Generator"/>)
/// instead of libtorch's process-wide one, so several clients can train at once, each with its own reproducible masks.
/// It computes what libtorch's CPU dropout computes (a Bernoulli(1 − p) mask from <c>bernoulli_</c>, divided by
/// 1 − p, times the input): with a generator seeded like the global one, the masks are the same, bit for bit. With no
/// generator set it is <c>nn.functional.dropout</c>; in evaluation mode it passes the input through.
/// </summary>
internal sealed class SeededDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _p;

    public SeededDropout(double p)
        : base("dropout")
    {
        if (p is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The dropout probability must be in [0, 1).");
        }

        _p = p;
    }

    /// <summary>The generator the masks come from; null uses libtorch's global generator.</summary>
    public Generator? Generator { get; set; }

    public override Tensor forward(Tensor input)
    {
        if (!training || _p == 0 || Generator is null)
        {
            return nn.functional.dropout(input, _p, training);
        }

        using var scope = NewDisposeScope();
        var noise = empty_like(input).bernoulli_(1 - _p, Generator);
        noise.DivideInPlace(1 - _p);
        return (input * noise).MoveToOuterDisposeScope();
    }
}
