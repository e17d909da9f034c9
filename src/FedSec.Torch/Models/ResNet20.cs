using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// ResNet-20 for CIFAR-10 (He et al., "Deep Residual Learning for Image Recognition", CVPR 2016, section 4.2):
/// a 3×3 convolution to 16 channels, three stages of three basic blocks at 16, 32 and 64 channels (the second and third
/// halve the resolution), global average pooling and a linear layer. Projection shortcuts (option B) where the shape
/// changes: 272 474 trainable parameters for 3-channel input and 10 classes (option A, zero-padding, would have
/// 269 722). Convolutions start from He (Kaiming normal, fan-out) initialisation, as in the paper.
/// </summary>
internal sealed class ResNet20 : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    private const int BlocksPerStage = 3;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Linear linear;

    public ResNet20(ImageShape input, int classCount)
        : base("resnet20")
    {
        conv1 = nn.Conv2d(input.Channels, 16, 3, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(16);
        layer1 = Stage(16, 16, 1);
        layer2 = Stage(16, 32, 2);
        layer3 = Stage(32, 64, 2);
        linear = nn.Linear(64, classCount);
        RegisterComponents();
        using var noGrad = no_grad();
        foreach (var m in modules().OfType<Conv2d>())
        {
            nn.init.kaiming_normal_(m.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = layer3.forward(layer2.forward(layer1.forward(x)));
        x = nn.functional.adaptive_avg_pool2d(x, 1).flatten(1);
        return linear.forward(x).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = layer3.forward(layer2.forward(layer1.forward(x)));
        return nn.functional.adaptive_avg_pool2d(x, 1).flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => linear.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => linear.parameters();

    private static Sequential Stage(int inChannels, int outChannels, int stride)
    {
        var blocks = new List<nn.Module<Tensor, Tensor>> { new ResNetBasicBlock(inChannels, outChannels, stride) };
        for (int i = 1; i < BlocksPerStage; i++)
        {
            blocks.Add(new ResNetBasicBlock(outChannels, outChannels, 1));
        }

        return nn.Sequential(blocks);
    }
}
