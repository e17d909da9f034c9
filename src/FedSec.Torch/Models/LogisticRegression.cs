using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// Multinomial logistic regression: flatten, one linear layer, logits. FedML's <c>LogisticRegression</c> puts a sigmoid
/// on the outputs before its cross-entropy loss; FedSec returns plain logits, which is the textbook model.
/// </summary>
internal sealed class LogisticRegression : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    public LogisticRegression(ImageShape input, int classCount)
        : base("lr")
    {
        linear = nn.Linear(input.Size, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return linear.forward(input.flatten(1)).MoveToOuterDisposeScope();
    }
}
