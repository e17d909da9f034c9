namespace FedSec.Data;

/// <summary>
/// Labelled images in memory: pixels scaled to [0, 1], channel-first (N × C × H × W), one label per image.
/// Client data sets are their own copies, so poisoning one never touches another or the test set.
/// </summary>
public sealed class ImageSet : IClientDataset
{
    /// <summary>Wraps pixel and label arrays; checks that their sizes agree.</summary>
    public ImageSet(float[] pixels, int[] labels, int channels, int height, int width, int classCount)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (channels <= 0 || height <= 0 || width <= 0)
        {
            throw new ArgumentException($"Image shape {channels}×{height}×{width} is not positive.");
        }

        long per = (long)channels * height * width;
        if (pixels.LongLength != per * labels.Length)
        {
            throw new ArgumentException($"{pixels.LongLength} pixel values do not make {labels.Length} images of {channels}×{height}×{width}.");
        }

        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
    }

    /// <summary>Pixel values in [0, 1], image after image, channel-first.</summary>
    public float[] Pixels { get; }

    /// <summary>Class label of each image, 0..<see cref="ClassCount"/>−1.</summary>
    public int[] Labels { get; }

    /// <summary>Number of channels (1 for MNIST, 3 for CIFAR-10).</summary>
    public int Channels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Number of classes of the data set this set comes from.</summary>
    public int ClassCount { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <inheritdoc />
    public DataKind Kind => DataKind.Images;

    /// <summary>Values per image: C × H × W.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    public Span<float> Image(int index) => Pixels.AsSpan(index * ImageSize, ImageSize);

    /// <summary>A new set holding copies of the images at <paramref name="indices"/>, in that order.</summary>
    public ImageSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int size = ImageSize;
        var pixels = new float[(long)indices.Count * size];
        var labels = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            int src = indices[i];
            Pixels.AsSpan(src * size, size).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = Labels[src];
        }

        return new ImageSet(pixels, labels, Channels, Height, Width, ClassCount);
    }

    /// <summary>A deep copy (pixels and labels).</summary>
    public ImageSet Clone() => new((float[])Pixels.Clone(), (int[])Labels.Clone(), Channels, Height, Width, ClassCount);

    /// <summary>Number of images of each class.</summary>
    public int[] ClassHistogram()
    {
        var h = new int[ClassCount];
        foreach (var l in Labels)
        {
            h[l]++;
        }

        return h;
    }
}
