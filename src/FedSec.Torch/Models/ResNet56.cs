using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// FedML's CIFAR ResNet-56 (<c>resnet56</c> in <c>fedml/model/cv/resnet.py</c>, after He et al., "Deep Residual
/// Learning for Image Recognition", CVPR 2016): a 3×3 convolution from 3 channels to 16, three stages of six
/// <see cref="ResNetBottleneck"/> blocks at 16, 32 and 64 planes (64, 128 and 256 channels out; the second and third
/// stages halve the resolution), global average pooling and a linear layer: 6 × 3 blocks × 3 convolutions + 2 = 56
/// layers, 591 322 trainable parameters for 10 classes. Convolutions start from Kaiming normal (fan-out) weights and
/// BatchNorm from weight 1, bias 0, as in FedML. Its first convolution takes exactly 3 channels, as FedML's does.
/// </summary>
internal sealed class ResNet56 : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    /// <summary>The input channels FedML's first convolution is built for.</summary>
    public const int InputChannels = 3;

    private const int BlocksPerStage = 6;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Linear fc;

    public ResNet56(ImageShape input, int classCount)
        : base("resnet56")
    {
        if (Misfit(input) is { } reason)
        {
            throw new ArgumentException(reason, nameof(input));
        }

        conv1 = nn.Conv2d(InputChannels, 16, 3, padding: 1, bias: false);
        bn1 = nn.BatchNorm2d(16);
        layer1 = Stage(16, 16, 1);
        layer2 = Stage(16 * ResNetBottleneck.Expansion, 32, 2);
        layer3 = Stage(32 * ResNetBottleneck.Expansion, 64, 2);
        fc = nn.Linear(64 * ResNetBottleneck.Expansion, classCount);
        RegisterComponents();
        using var noGrad = no_grad();
        foreach (var m in modules().OfType<Conv2d>())
        {
            nn.init.kaiming_normal_(m.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
        }
    }

    /// <summary>Why the model cannot take images of <paramref name="input"/>'s shape, or null when it can.</summary>
    public static string? Misfit(ImageShape input) => input.Channels == InputChannels
        ? null
        : $"resnet56 is FedML's CIFAR ResNet-56, whose first convolution takes {InputChannels}-channel colour images, not {input.Channels}-channel {input}";

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = layer3.forward(layer2.forward(layer1.forward(x)));
        x = nn.functional.adaptive_avg_pool2d(x, 1).flatten(1);
        return fc.forward(x).MoveToOuterDisposeScope();
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
    public Tensor Head(Tensor features) => fc.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => fc.parameters();

    private static Sequential Stage(int inChannels, int planes, int stride)
    {
        var blocks = new List<nn.Module<Tensor, Tensor>> { new ResNetBottleneck(inChannels, planes, stride) };
        for (int i = 1; i < BlocksPerStage; i++)
        {
            blocks.Add(new ResNetBottleneck(planes * ResNetBottleneck.Expansion, planes, 1));
        }

        return nn.Sequential(blocks);
    }
}
