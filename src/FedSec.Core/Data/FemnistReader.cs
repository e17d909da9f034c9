using PureHDF;

namespace FedSec.Data;

/// <summary>
/// Reads Federated EMNIST as TensorFlow Federated publishes it and FedML loads it (Caldas et al., "LEAF: A benchmark
/// for federated settings", 2018; TFF's <c>fed_emnist_train.h5</c> / <c>fed_emnist_test.h5</c>): an HDF5 file with one
/// group per writer under <c>examples</c>, each holding <c>pixels</c> (n × 28 × 28 floats in [0, 1], 1.0 the
/// background, as TFF stores them) and <c>label</c> (n integers, 0..61: digits, upper-case, lower-case letters).
/// Writers are taken in name order, the order of h5py's <c>keys()</c> from which FedML takes its client ids. The HDF5
/// container is read with PureHDF (a maintained managed reader), never parsed by hand.
/// </summary>
public static class FemnistReader
{
    /// <summary>The training file.</summary>
    public const string TrainFileName = "fed_emnist_train.h5";

    /// <summary>The test file.</summary>
    public const string TestFileName = "fed_emnist_test.h5";

    /// <summary>Classes: 10 digits, 26 upper-case and 26 lower-case letters.</summary>
    public const int ClassCount = 62;

    /// <summary>Writers in the published files (TFF's only_digits=False version).</summary>
    public const int PublishedWriterCount = 3400;

    /// <summary>Image side in pixels.</summary>
    public const int Side = 28;

    private const string Examples = "examples";
    private const string Pixels = "pixels";
    private const string Label = "label";
    private const int PixelsPerImage = Side * Side;

    /// <summary>The writers in the file, in name order (ordinal, as h5py lists them).</summary>
    /// <exception cref="DataFormatException">Not an HDF5 file, or no <c>examples</c> group.</exception>
    public static IReadOnlyList<string> WriterNames(string path) => Guarded(path, () =>
    {
        // PureHDF 2.2's H5File.OpenRead(path) leaves its FileStream open when the root object header is corrupt (found
        // by fuzz/, target femnist): the file stayed open, and locked, until a finalizer ran. FedSec closes it itself.
        using var stream = File.OpenRead(path);
        using var file = H5File.Open(stream, leaveOpen: true);
        return (IReadOnlyList<string>)Writers(file, path).Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
    });

    /// <summary>Reads the named writers (all of them when null), in the order given.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="DataFormatException">Not an HDF5 file, a writer without 28×28 pixels or labels, counts that disagree, a label outside 0..61 or a pixel outside [0, 1].</exception>
    public static ImagesByClient Read(string path, IReadOnlyList<string>? writers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"FEMNIST file '{path}' not found.", path);
        }

        return Guarded(path, () =>
        {
            using var stream = File.OpenRead(path);
            using var file = H5File.Open(stream, leaveOpen: true);
            var all = Writers(file, path);
            var examples = file.Group(Examples);
            var names = writers ?? all.Select(c => c.Name).Order(StringComparer.Ordinal).ToArray();
            var groups = names.Select(n => Writer(examples, n, path)).ToArray();
            var sizes = groups.Select((g, i) => CheckedCount(g, names[i], path, stream.Length)).ToArray();
            long total = sizes.Sum(s => (long)s);
            var pixels = new float[total * PixelsPerImage];
            var labels = new int[total];
            long offset = 0;
            for (int w = 0; w < groups.Length; w++)
            {
                ReadPixels(groups[w].Dataset(Pixels), pixels.AsSpan((int)(offset * PixelsPerImage), sizes[w] * PixelsPerImage), names[w], path);
                ReadLabels(groups[w].Dataset(Label), labels.AsSpan((int)offset, sizes[w]), names[w], path);
                offset += sizes[w];
            }

            return new ImagesByClient(new ImageSet(pixels, labels, 1, Side, Side, ClassCount), NaturalClients.Consecutive(names, sizes));
        });
    }

    private static IEnumerable<IH5Object> Writers(IH5Group file, string path)
    {
        if (!file.LinkExists(Examples))
        {
            throw new DataFormatException(path, $"it has no '{Examples}' group; TFF's federated h5 files keep one group per writer under '{Examples}'.");
        }

        return file.Group(Examples).Children();
    }

    private static IH5Group Writer(IH5Group examples, string name, string path) =>
        examples.LinkExists(name) && examples.Get(name) is IH5Group g
            ? g
            : throw new DataFormatException(path, $"it has no writer group '{Examples}/{name}'.");

    /// <summary>The writer's sample count, after checking its datasets' types and shapes.</summary>
    private static int CheckedCount(IH5Group writer, string name, string path, long fileBytes)
    {
        foreach (string needed in new[] { Pixels, Label })
        {
            if (!writer.LinkExists(needed))
            {
                throw new DataFormatException(path, $"writer '{name}' has no '{needed}' dataset.");
            }
        }

        var pixels = writer.Dataset(Pixels);
        var dims = pixels.Space.Dimensions;
        if (dims.Length != 3 || dims[1] != Side || dims[2] != Side)
        {
            throw new DataFormatException(path, $"writer '{name}' has pixels of shape {string.Join("×", dims)}; FEMNIST's are n×{Side}×{Side}.");
        }

        if (pixels.Type.Class != H5DataTypeClass.FloatingPoint)
        {
            throw new DataFormatException(path, $"writer '{name}' has pixels of type {pixels.Type.Class}; FEMNIST's are floats in [0, 1].");
        }

        Hdf5DeclaredSize.Check(pixels, fileBytes, path, $"writer '{name}' has '{Pixels}'");
        Hdf5DeclaredSize.Check(writer.Dataset(Label), fileBytes, path, $"writer '{name}' has '{Label}'");
        var labelDims = writer.Dataset(Label).Space.Dimensions;
        bool column = labelDims.Length == 1 || (labelDims.Length == 2 && labelDims[1] == 1);
        if (!column || labelDims[0] != dims[0])
        {
            throw new DataFormatException(path, $"writer '{name}' has {dims[0]} images but labels of shape {string.Join("×", labelDims)}; each image needs one label.");
        }

        return checked((int)dims[0]);
    }

    private static void ReadPixels(IH5Dataset dataset, Span<float> target, string name, string path)
    {
        if (dataset.Type.Size == 8)
        {
            var values = dataset.Read<double[]>();
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = (float)values[i];
            }
        }
        else
        {
            dataset.Read<float[]>().CopyTo(target);
        }

        for (int i = 0; i < target.Length; i++)
        {
            if (!(target[i] >= 0f && target[i] <= 1f))
            {
                throw new DataFormatException(path, $"writer '{name}' has pixel value {target[i]} (image {i / PixelsPerImage}); FEMNIST's pixels are in [0, 1].");
            }
        }
    }

    private static void ReadLabels(IH5Dataset dataset, Span<int> target, string name, string path)
    {
        var type = dataset.Type;
        if (type.Class != H5DataTypeClass.FixedPoint)
        {
            throw new DataFormatException(path, $"writer '{name}' has labels of type {type.Class}; FEMNIST's labels are integers 0..{ClassCount - 1}.");
        }

        bool signed = type.FixedPoint.IsSigned;
        long[] values = (type.Size, signed) switch
        {
            (1, true) => Array.ConvertAll(dataset.Read<sbyte[]>(), v => (long)v),
            (1, false) => Array.ConvertAll(dataset.Read<byte[]>(), v => (long)v),
            (2, true) => Array.ConvertAll(dataset.Read<short[]>(), v => (long)v),
            (2, false) => Array.ConvertAll(dataset.Read<ushort[]>(), v => (long)v),
            (4, true) => Array.ConvertAll(dataset.Read<int[]>(), v => (long)v),
            (4, false) => Array.ConvertAll(dataset.Read<uint[]>(), v => (long)v),
            (8, true) => dataset.Read<long[]>(),
            _ => Array.ConvertAll(dataset.Read<ulong[]>(), v => v > long.MaxValue ? -1L : (long)v),
        };
        for (int i = 0; i < target.Length; i++)
        {
            if (values[i] is < 0 or >= ClassCount)
            {
                throw new DataFormatException(path, $"writer '{name}' has label {values[i]} (image {i}); FEMNIST's labels are 0..{ClassCount - 1}.");
            }

            target[i] = (int)values[i];
        }
    }

    /// <summary>Runs a read, turning PureHDF's errors (plain exceptions) into one naming the file.</summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not DataFormatException and not FileNotFoundException and not OutOfMemoryException)
        {
            throw new DataFormatException(path, $"it cannot be read as TFF's federated EMNIST HDF5 file (truncated or not HDF5?): {e.Message}", e);
        }
    }
}
