using FedSec.Data;

namespace FedSec.Torch.Models;

/// <summary>The shape of one input image, channel-first: what a model is built for.</summary>
/// <param name="Channels">Number of channels (1 for MNIST, 3 for CIFAR-10).</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>The shape of the images of <paramref name="set"/>.</summary>
    public static ImageShape Of(ImageSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new ImageShape(set.Channels, set.Height, set.Width);
    }

    /// <summary>Values per image: C × H × W.</summary>
    public int Size => Channels * Height * Width;

    /// <summary>The shape as <c>C×H×W</c>.</summary>
    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
