namespace FedSec.Data;

/// <summary>The four MNIST files, by their uncompressed names.</summary>
public static class MnistFiles
{
    /// <summary>Training images, 60 000 × 28 × 28.</summary>
    public const string TrainImages = "train-images-idx3-ubyte";

    /// <summary>Training labels, 60 000.</summary>
    public const string TrainLabels = "train-labels-idx1-ubyte";

    /// <summary>Test images, 10 000 × 28 × 28.</summary>
    public const string TestImages = "t10k-images-idx3-ubyte";

    /// <summary>Test labels, 10 000.</summary>
    public const string TestLabels = "t10k-labels-idx1-ubyte";
}
