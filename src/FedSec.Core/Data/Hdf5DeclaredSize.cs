using PureHDF;

namespace FedSec.Data;

/// <summary>
/// Checks an HDF5 dataset's declared size against the file before anything is allocated for it: a hostile dataspace
/// (a few bytes in the header declaring billions of elements) would otherwise make PureHDF, or the reader sizing its
/// arrays from the dimensions, allocate the whole array before finding that the file holds nothing of it. PureHDF
/// reads what the header declares and has no such limit of its own.
/// </summary>
internal static class Hdf5DeclaredSize
{
    /// <summary>How much larger than the file a chunked (possibly compressed) dataset may be.</summary>
    private const long ChunkedExpansion = 1024;

    /// <summary>
    /// Throws when <paramref name="dataset"/> declares more elements than .NET can hold in one array, or more than the
    /// file could store: each element takes its type's size in the file (a variable-length string's heap reference:
    /// 16 bytes), so a contiguous or compact dataset cannot exceed the file, and a chunked one, which may be
    /// compressed, not by more than <see cref="ChunkedExpansion"/> times.
    /// </summary>
    /// <param name="dataset">The dataset about to be read.</param>
    /// <param name="fileBytes">The file's length.</param>
    /// <param name="path">The file, for the message.</param>
    /// <param name="what">What the dataset is, for the message ("user 'x' has 'tokens'").</param>
    /// <exception cref="DataFormatException">The declared size cannot be real.</exception>
    public static void Check(IH5Dataset dataset, long fileBytes, string path, string what)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var dimensions = dataset.Space.Dimensions;
        string shape = $"[{string.Join(", ", dimensions)}]";
        ulong count = 1;
        foreach (ulong d in dimensions)
        {
            if (d != 0 && count > ulong.MaxValue / d)
            {
                throw new DataFormatException(path, $"{what} of shape {shape}: more elements than can be counted; the file is corrupt.");
            }

            count *= d;
        }

        if (count > (ulong)Array.MaxLength)
        {
            throw new DataFormatException(path, $"{what} of shape {shape}: {count} elements, more than one array holds ({Array.MaxLength}); the file is corrupt.");
        }

        ulong element = Math.Max(1UL, (ulong)dataset.Type.Size);
        bool chunked = dataset.Layout.Class == H5DataLayoutClass.Chunked;
        ulong room = (ulong)Math.Max(0, fileBytes) * (chunked ? (ulong)ChunkedExpansion : 1UL);
        if (count > room / element)
        {
            string bound = chunked ? $"{ChunkedExpansion} times its {fileBytes} bytes" : $"its {fileBytes} bytes";
            throw new DataFormatException(path, $"{what} of shape {shape}: {count} elements of {element} bytes each in the file, more than {bound} can hold; the file is corrupt.");
        }
    }
}
