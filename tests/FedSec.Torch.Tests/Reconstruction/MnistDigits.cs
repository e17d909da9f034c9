using FedSec.Data;

namespace FedSec.Torch.Tests.Reconstruction;

/// <summary>
/// The first eight images of the MNIST test set (t10k; labels 7 2 1 0 4 1 4 9), copied byte for byte from the official
/// IDX files into Reconstruction/Data so that reconstruction tests run on real digits without the data directory. The
/// first eight, not a selection: no digit was picked for being easy.
/// </summary>
internal static class MnistDigits
{
    /// <summary>Number of digits available.</summary>
    public const int Count = 8;

    private static readonly Lazy<ImageSet> All = new(() =>
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reconstruction", "Data");
        return IdxReader.Load(
            Path.Combine(dir, "mnist-t10k-first8-images-idx3-ubyte"),
            Path.Combine(dir, "mnist-t10k-first8-labels-idx1-ubyte"),
            classCount: 10);
    });

    /// <summary>Test image <paramref name="index"/> (0-based) as a one-image set, pixels in [0, 1].</summary>
    public static ImageSet One(int index) => All.Value.Subset([index]);
}
