namespace FedSec.Data;

/// <summary>
/// A deterministic train/test split of images grouped by class: from each class a fixed number of images goes to the
/// test set, the rest to the training set, and both sets are shuffled. Uses its own SplitMix64 generator rather than
/// <see cref="Random"/>, whose seeded sequence .NET does not promise to keep, because the result's SHA-256 is pinned.
/// Pure: no I/O.
/// </summary>
internal static class ClassSplit
{
    /// <summary>
    /// Splits <paramref name="classes"/> (class k's images, each <paramref name="imageSize"/> bytes) into images as
    /// concatenated bytes and one label byte per image, for each set.
    /// </summary>
    /// <exception cref="ArgumentException">A class has no more images than <paramref name="testPerClass"/>.</exception>
    public static (byte[] TrainImages, byte[] TrainLabels, byte[] TestImages, byte[] TestLabels) Build(IReadOnlyList<IReadOnlyList<byte[]>> classes, int imageSize, int testPerClass, ulong seed)
    {
        var state = seed;
        var train = new List<(byte Label, byte[] Image)>();
        var test = new List<(byte Label, byte[] Image)>();
        for (int k = 0; k < classes.Count; k++)
        {
            var images = classes[k];
            if (images.Count <= testPerClass)
            {
                throw new ArgumentException($"Class {k} has {images.Count} images; more than {testPerClass} are needed to hold {testPerClass} out for testing.", nameof(classes));
            }

            int[] order = Permutation(images.Count, ref state);
            for (int i = 0; i < order.Length; i++)
            {
                (i < testPerClass ? test : train).Add(((byte)k, images[order[i]]));
            }
        }

        byte[] trainImages = Concat(train, imageSize, ref state, out var trainLabels);
        byte[] testImages = Concat(test, imageSize, ref state, out var testLabels);
        return (trainImages, trainLabels, testImages, testLabels);
    }

    private static byte[] Concat(List<(byte Label, byte[] Image)> items, int imageSize, ref ulong state, out byte[] labels)
    {
        int[] order = Permutation(items.Count, ref state);
        var pixels = new byte[(long)items.Count * imageSize];
        labels = new byte[items.Count];
        for (int i = 0; i < order.Length; i++)
        {
            var (label, image) = items[order[i]];
            image.CopyTo(pixels, (long)i * imageSize);
            labels[i] = label;
        }

        return pixels;
    }

    private static int[] Permutation(int n, ref ulong state)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = i;
        }

        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(Next(ref state) % (ulong)(i + 1));
            (p[i], p[j]) = (p[j], p[i]);
        }

        return p;
    }

    private static ulong Next(ref ulong state)
    {
        // SplitMix64 (Steele, Lea and Flood, 2014).
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
