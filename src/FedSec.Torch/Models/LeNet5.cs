using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// LeNet-5 (LeCun et al., "Gradient-Based Learning Applied to Document Recognition", Proc. IEEE 1998) in its common
/// modern form: ReLU instead of scaled tanh, max-pooling instead of trainable subsampling, a full C3 connection table.
/// Conv 5×5 6, max-pool 2, conv 5×5 16, max-pool 2, linear 120, linear 84, linear. LeNet-5 was designed for 32×32
/// input (MNIST padded by 2); images smaller than 32 pixels on a side are padded by 2 in the first convolution, so
/// 28×28×1 and 32×32×3 both reach a 16×5×5 feature map.
/// </summary>
internal sealed class LeNet5 : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly MaxPool2d pool;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    public LeNet5(ImageShape input, int classCount)
        : base("lenet5")
    {
        int padding = input.Height < 32 || input.Width < 32 ? 2 : 0;
        int h = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Height, 5, 1, padding), 2, 2), 5), 2, 2);
        int w = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Width, 5, 1, padding), 2, 2), 5), 2, 2);
        ConvArithmetic.Require("lenet5", input, h, w);
        conv1 = nn.Conv2d(input.Channels, 6, 5, padding: padding);
        conv2 = nn.Conv2d(6, 16, 5);
        pool = nn.MaxPool2d(2, 2);
        fc1 = nn.Linear(16L * h * w, 120);
        fc2 = nn.Linear(120, 84);
        fc3 = nn.Linear(84, classCount);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(nn.functional.relu(conv1.forward(input)));
        x = pool.forward(nn.functional.relu(conv2.forward(x)));
        x = nn.functional.relu(fc1.forward(x.flatten(1)));
        x = nn.functional.relu(fc2.forward(x));
        return fc3.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = pool.forward(nn.functional.relu(conv1.forward(input)));
        x = pool.forward(nn.functional.relu(conv2.forward(x)));
        x = nn.functional.relu(fc1.forward(x.flatten(1)));
        return nn.functional.relu(fc2.forward(x)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => fc3.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => fc3.parameters();
}
