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

    /// <summary>
    /// Multi-label targets (StackOverflow's tags), sample after sample, <see cref="ClassCount"/> values each (1 for a tag
    /// the sample has); null (the default) for single-label sets, which train on <see cref="Labels"/>. A set with targets
    /// trains with binary cross-entropy on them, and its <see cref="Labels"/> only name one tag of each sample.
    /// </summary>
    public float[]? Targets { get; private init; }

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

        var subset = new ImageSet(pixels, labels, Channels, Height, Width, ClassCount);
        if (Targets is null)
        {
            return subset;
        }

        var targets = new float[(long)indices.Count * ClassCount];
        for (int i = 0; i < indices.Count; i++)
        {
            Targets.AsSpan(indices[i] * ClassCount, ClassCount).CopyTo(targets.AsSpan(i * ClassCount, ClassCount));
        }

        return subset.WithTargets(targets);
    }

    /// <summary>A deep copy (pixels, labels and targets).</summary>
    public ImageSet Clone()
    {
        var copy = new ImageSet((float[])Pixels.Clone(), (int[])Labels.Clone(), Channels, Height, Width, ClassCount);
        return Targets is null ? copy : copy.WithTargets((float[])Targets.Clone());
    }

    /// <summary>The same samples with multi-label <paramref name="targets"/> (<see cref="ClassCount"/> values per sample).</summary>
    /// <exception cref="ArgumentException">The targets do not hold <see cref="ClassCount"/> values per sample.</exception>
    public ImageSet WithTargets(float[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.LongLength != (long)Count * ClassCount)
        {
            throw new ArgumentException($"{targets.LongLength} target values do not make {Count} samples of {ClassCount} labels.", nameof(targets));
        }

        return new ImageSet(Pixels, Labels, Channels, Height, Width, ClassCount) { Targets = targets };
    }

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
