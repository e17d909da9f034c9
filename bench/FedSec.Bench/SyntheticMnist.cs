using FedSec.Data;
using FedSec.Torch.Data;

namespace FedSec.Bench;

/// <summary>MNIST-shaped random data (1×28×28, 10 classes): training speed depends on the shape, not the pixels.</summary>
internal static class SyntheticMnist
{
    public static readonly ChannelNormalization Normalization = new([0.1307f], [0.3081f]);

    public static ImageSet Create(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * 28 * 28];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)rng.NextDouble();
        }

        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = rng.Next(10);
        }

        return new ImageSet(pixels, labels, 1, 28, 28, 10);
    }
}
