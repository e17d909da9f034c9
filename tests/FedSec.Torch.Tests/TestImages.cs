using FedSec.Data;

namespace FedSec.Torch.Tests;

/// <summary>Small synthetic image sets for tests.</summary>
internal static class TestImages
{
    /// <summary><paramref name="count"/> images of uniform random pixels in [0, 1] with random labels, from <paramref name="seed"/>.</summary>
    public static ImageSet Random(int count, int channels, int height, int width, int classCount, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * channels * height * width];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)rng.NextDouble();
        }

        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = rng.Next(classCount);
        }

        return new ImageSet(pixels, labels, channels, height, width, classCount);
    }
}
