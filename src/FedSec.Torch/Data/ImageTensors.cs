using System.Runtime.InteropServices;
using FedSec.Data;
using static TorchSharp.torch;

namespace FedSec.Torch.Data;

/// <summary>Copies images and labels of an <see cref="ImageSet"/> into tensors, straight into tensor memory.</summary>
internal static class ImageTensors
{
    /// <summary>Images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as an N×C×H×W float tensor.</summary>
    public static Tensor Images(ImageSet set, int start, int count)
    {
        var t = empty([count, set.Channels, set.Height, set.Width], ScalarType.Float32);
        set.Pixels.AsSpan(start * set.ImageSize, count * set.ImageSize).CopyTo(MemoryMarshal.Cast<byte, float>(t.bytes));
        return t;
    }

    /// <summary>Labels <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as an int64 tensor.</summary>
    public static Tensor Labels(ImageSet set, int start, int count)
    {
        var t = empty([count], ScalarType.Int64);
        var dst = MemoryMarshal.Cast<byte, long>(t.bytes);
        var src = set.Labels.AsSpan(start, count);
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i];
        }

        return t;
    }

    /// <summary>Multi-label targets of samples <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as an N×K float tensor.</summary>
    public static Tensor Targets(ImageSet set, int start, int count)
    {
        var targets = set.Targets ?? throw new ArgumentException("The set has no multi-label targets.", nameof(set));
        var t = empty([count, set.ClassCount], ScalarType.Float32);
        targets.AsSpan(start * set.ClassCount, count * set.ClassCount).CopyTo(MemoryMarshal.Cast<byte, float>(t.bytes));
        return t;
    }
}
