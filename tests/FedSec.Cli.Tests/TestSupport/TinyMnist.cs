namespace FedSec.Cli.Tests.TestSupport;

/// <summary>A small MNIST-shaped data set (IDX files of 28×28 images, labels 0-9, seeded random pixels) in a data directory.</summary>
internal static class TinyMnist
{
    /// <summary>Writes <paramref name="train"/> training and <paramref name="test"/> test images into <c>dataDir/mnist/</c>.</summary>
    public static void Write(string dataDir, int train = 300, int test = 100)
    {
        string dir = Path.Combine(dataDir, "mnist");
        Directory.CreateDirectory(dir);
        var random = new Random(7);
        Split(dir, "train", train, random);
        Split(dir, "t10k", test, random);
    }

    private static void Split(string dir, string prefix, int count, Random random)
    {
        var pixels = new byte[count * 28 * 28];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-images-idx3-ubyte"), IdxWriter.Images(count, 28, 28, pixels));
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte"), IdxWriter.Labels(labels));
    }
}
