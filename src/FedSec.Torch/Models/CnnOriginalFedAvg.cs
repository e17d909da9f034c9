using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// FedML's <c>CNN_OriginalFedAvg</c>: the CNN of McMahan et al., "Communication-Efficient Learning of Deep Networks from
/// Decentralized Data", AISTATS 2017. Conv 5×5 32 (padding 2) + ReLU, max-pool 2, conv 5×5 64 (padding 2) + ReLU,
/// max-pool 2, flatten, linear 512 + ReLU, linear; 1 663 370 parameters on 28×28×1 with 10 classes, as the paper reports.
/// </summary>
internal sealed class CnnOriginalFedAvg : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    private readonly Conv2d conv2d_1;
    private readonly Conv2d conv2d_2;
    private readonly MaxPool2d max_pooling;
    private readonly Linear linear_1;
    private readonly Linear linear_2;

    public CnnOriginalFedAvg(ImageShape input, int classCount)
        : base("cnn_fedavg")
    {
        int h = ConvArithmetic.Out(ConvArithmetic.Out(input.Height, 2, 2), 2, 2);
        int w = ConvArithmetic.Out(ConvArithmetic.Out(input.Width, 2, 2), 2, 2);
        ConvArithmetic.Require("cnn_fedavg", input, h, w);
        conv2d_1 = nn.Conv2d(input.Channels, 32, 5, padding: 2);
        conv2d_2 = nn.Conv2d(32, 64, 5, padding: 2);
        max_pooling = nn.MaxPool2d(2, 2);
        linear_1 = nn.Linear(64L * h * w, 512);
        linear_2 = nn.Linear(512, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = max_pooling.forward(nn.functional.relu(conv2d_1.forward(input)));
        x = max_pooling.forward(nn.functional.relu(conv2d_2.forward(x)));
        x = nn.functional.relu(linear_1.forward(x.flatten(1)));
        return linear_2.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = max_pooling.forward(nn.functional.relu(conv2d_1.forward(input)));
        x = max_pooling.forward(nn.functional.relu(conv2d_2.forward(x)));
        return nn.functional.relu(linear_1.forward(x.flatten(1))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => linear_2.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => linear_2.parameters();
}
