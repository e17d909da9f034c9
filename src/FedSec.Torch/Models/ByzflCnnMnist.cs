using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// ByzFL's <c>cnn_mnist</c> (the LPD-EPFL byzfl library, <c>byzfl/fed_framework/models.py</c>): conv 5×5 20, ReLU,
/// max-pool 2, conv 5×5 50, ReLU, max-pool 2, linear 500, ReLU, linear. No padding, so 28×28 MNIST reaches a 50×4×4
/// (800) feature map. ByzFL ends with log-softmax and NLL loss; FedSec's trainer applies cross-entropy to the logits,
/// which is the same loss, so the model returns the logits.
/// </summary>
internal sealed class ByzflCnnMnist : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    /// <summary>Units of the hidden linear layer.</summary>
    public const int HiddenUnits = 500;

    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly MaxPool2d pool;
    private readonly Linear fc1;
    private readonly Linear fc2;

    public ByzflCnnMnist(ImageShape input, int classCount)
        : base("byzfl_cnn_mnist")
    {
        int h = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Height, 5), 2, 2), 5), 2, 2);
        int w = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Width, 5), 2, 2), 5), 2, 2);
        ConvArithmetic.Require("byzfl_cnn_mnist", input, h, w);
        conv1 = nn.Conv2d(input.Channels, 20, 5);
        conv2 = nn.Conv2d(20, 50, 5);
        pool = nn.MaxPool2d(2, 2);
        fc1 = nn.Linear(50L * h * w, HiddenUnits);
        fc2 = nn.Linear(HiddenUnits, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(nn.functional.relu(conv1.forward(input)));
        x = pool.forward(nn.functional.relu(conv2.forward(x)));
        x = nn.functional.relu(fc1.forward(x.flatten(1)));
        return fc2.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(nn.functional.relu(conv1.forward(input)));
        x = pool.forward(nn.functional.relu(conv2.forward(x)));
        return nn.functional.relu(fc1.forward(x.flatten(1))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => fc2.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => fc2.parameters();
}
