using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// FedML's <c>CNN_DropOut</c> (python/fedml/model/cv/cnn.py), the model FedML builds for <c>model: cnn</c> on MNIST;
/// from Reddi et al., "Adaptive Federated Optimization", ICLR 2021. Conv 3×3 32 + ReLU, conv 3×3 64 + ReLU (no
/// padding), max-pool 2, dropout 0.25, flatten, linear 128 + ReLU, dropout 0.5, linear. On 28×28×1 the flattened size
/// is 9 216 and the model has 1 199 882 parameters for 10 classes (FedML hard-codes 9 216 and 62 outputs; here both
/// follow the input shape and class count).
/// </summary>
internal sealed class CnnDropOut : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    private readonly Conv2d conv2d_1;
    private readonly Conv2d conv2d_2;
    private readonly MaxPool2d max_pooling;
    private readonly SeededDropout dropout_1;
    private readonly Linear linear_1;
    private readonly SeededDropout dropout_2;
    private readonly Linear linear_2;

    public CnnDropOut(ImageShape input, int classCount)
        : base("cnn")
    {
        int h = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Height, 3), 3), 2, 2);
        int w = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Width, 3), 3), 2, 2);
        ConvArithmetic.Require("cnn", input, h, w);
        conv2d_1 = nn.Conv2d(input.Channels, 32, 3);
        conv2d_2 = nn.Conv2d(32, 64, 3);
        max_pooling = nn.MaxPool2d(2, 2);
        dropout_1 = new SeededDropout(0.25);
        linear_1 = nn.Linear(64L * h * w, 128);
        dropout_2 = new SeededDropout(0.5);
        linear_2 = nn.Linear(128, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(conv2d_1.forward(input));
        x = nn.functional.relu(conv2d_2.forward(x));
        x = dropout_1.forward(max_pooling.forward(x));
        x = nn.functional.relu(linear_1.forward(x.flatten(1)));
        x = linear_2.forward(dropout_2.forward(x));
        return x.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(conv2d_1.forward(input));
        x = nn.functional.relu(conv2d_2.forward(x));
        x = dropout_1.forward(max_pooling.forward(x));
        x = nn.functional.relu(linear_1.forward(x.flatten(1)));
        return dropout_2.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => linear_2.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => linear_2.parameters();
}
