using FedSec.Torch.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// The bottleneck residual block of He et al. as FedML's <c>fedml/model/cv/resnet.py</c> builds it: a 1×1 convolution to
/// <c>planes</c> channels, a 3×3 convolution (carrying the stride), a 1×1 convolution to 4 × <c>planes</c>, each with
/// BatchNorm, ReLU after the first two and after the sum. Where the width or resolution changes, the shortcut is a 1×1
/// strided convolution with BatchNorm.
/// </summary>
internal sealed class ResNetBottleneck : nn.Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 4;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly Sequential? downsample;

    public ResNetBottleneck(int inChannels, int planes, int stride)
        : base("bottleneck")
    {
        conv1 = nn.Conv2d(inChannels, planes, 1, bias: false);
        bn1 = nn.BatchNorm2d(planes);
        conv2 = nn.Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
        bn2 = nn.BatchNorm2d(planes);
        conv3 = nn.Conv2d(planes, planes * Expansion, 1, bias: false);
        bn3 = nn.BatchNorm2d(planes * Expansion);
        if (stride != 1 || inChannels != planes * Expansion)
        {
            downsample = nn.Sequential(
                nn.Conv2d(inChannels, planes * Expansion, 1, stride: stride, bias: false),
                nn.BatchNorm2d(planes * Expansion));
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(bn1.forward(conv1.forward(input)));
        x = nn.functional.relu(bn2.forward(conv2.forward(x)));
        x = bn3.forward(conv3.forward(x));
        x = x.AddInPlace(downsample is null ? input : downsample.forward(input));
        return nn.functional.relu(x).MoveToOuterDisposeScope();
    }
}
