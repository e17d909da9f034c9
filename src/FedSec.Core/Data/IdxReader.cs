using System.Buffers.Binary;

namespace FedSec.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (LeCun, Cortes and Burges, "The MNIST database of handwritten
/// digits"): a big-endian header (magic 0x00000803 and N, H, W for images; magic 0x00000801 and N for labels)
/// followed by unsigned bytes. Files may be gzip-compressed (detected from the content, not the name).
/// Any file that does not match its header is rejected with a <see cref="DataFormatException"/> naming it.
/// </summary>
public static class IdxReader
{
    /// <summary>Magic number of an IDX file of unsigned-byte images (type 0x08, 3 dimensions).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX file of unsigned-byte labels (type 0x08, 1 dimension).</summary>
    public const int LabelsMagic = 0x00000801;

    private const int ImagesHeaderLength = 16;
    private const int LabelsHeaderLength = 8;

    /// <summary>Reads an IDX image file (N × H × W unsigned bytes).</summary>
    /// <exception cref="DataFormatException">The file is empty, has another magic number, or is shorter or longer than its header says.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static IdxImages ReadImages(string path)
    {
        byte[] data = GzipDetector.ReadAllBytes(path, "IDX image file");
        CheckHeader(path, data, ImagesMagic, ImagesHeaderLength, "image");
        int count = ReadDimension(path, data, 4, "image count");
        int height = ReadDimension(path, data, 8, "row count");
        int width = ReadDimension(path, data, 12, "column count");
        if (height == 0 || width == 0)
        {
            throw new DataFormatException(path, $"the header announces images of {height}×{width} pixels; both sides must be positive.");
        }

        long expected = (long)count * height * width;
        CheckLength(path, data.LongLength - ImagesHeaderLength, expected, $"{count} images of {height}×{width} pixels");
        return new IdxImages(count, height, width, data.AsSpan(ImagesHeaderLength).ToArray());
    }

    /// <summary>Reads an IDX label file (N unsigned bytes).</summary>
    /// <exception cref="DataFormatException">The file is empty, has another magic number, or is shorter or longer than its header says.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static byte[] ReadLabels(string path)
    {
        byte[] data = GzipDetector.ReadAllBytes(path, "IDX label file");
        CheckHeader(path, data, LabelsMagic, LabelsHeaderLength, "label");
        int count = ReadDimension(path, data, 4, "label count");
        CheckLength(path, data.LongLength - LabelsHeaderLength, count, $"{count} labels");
        return data.AsSpan(LabelsHeaderLength).ToArray();
    }

    /// <summary>
    /// Reads an image file and its label file into an <see cref="ImageSet"/>: pixels divided by 255 into [0, 1],
    /// one channel, channel-first.
    /// </summary>
    /// <exception cref="DataFormatException">Either file is malformed, their counts differ, or a label is not below <paramref name="classCount"/>.</exception>
    public static ImageSet Load(string imagesPath, string labelsPath, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        var images = ReadImages(imagesPath);
        byte[] rawLabels = ReadLabels(labelsPath);
        if (rawLabels.Length != images.Count)
        {
            throw new DataFormatException(
                labelsPath,
                $"it holds {rawLabels.Length} labels but the image file '{imagesPath}' holds {images.Count} images; the two files must come from the same split.");
        }

        var labels = new int[rawLabels.Length];
        for (int i = 0; i < rawLabels.Length; i++)
        {
            if (rawLabels[i] >= classCount)
            {
                throw new DataFormatException(
                    labelsPath,
                    $"label {rawLabels[i]} of sample {i} is outside 0..{classCount - 1} ({classCount} classes).");
            }

            labels[i] = rawLabels[i];
        }

        return new ImageSet(PixelScaling.ToUnitFloats(images.Pixels), labels, 1, images.Height, images.Width, classCount);
    }

    private static void CheckHeader(string path, byte[] data, int magic, int headerLength, string kind)
    {
        if (data.Length == 0)
        {
            throw new DataFormatException(path, $"the file is empty; an IDX {kind} file starts with a {headerLength}-byte header.");
        }

        if (data.Length < 4)
        {
            throw new DataFormatException(path, $"the file is truncated: it has {data.Length} bytes, fewer than the {headerLength}-byte IDX {kind} header.");
        }

        int found = BinaryPrimitives.ReadInt32BigEndian(data);
        if (found != magic)
        {
            string other = found switch
            {
                ImagesMagic => " (that of an IDX image file)",
                LabelsMagic => " (that of an IDX label file)",
                _ => string.Empty,
            };
            throw new DataFormatException(
                path,
                $"its magic number is 0x{found:X8}{other}, but an IDX {kind} file of unsigned bytes starts with 0x{magic:X8}.");
        }

        if (data.Length < headerLength)
        {
            throw new DataFormatException(path, $"the file is truncated: it has {data.Length} bytes, fewer than the {headerLength}-byte IDX {kind} header.");
        }
    }

    private static int ReadDimension(string path, byte[] data, int offset, string name)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(offset));
        if (value < 0)
        {
            throw new DataFormatException(path, $"the header's {name} is {value}; it must not be negative.");
        }

        return value;
    }

    private static void CheckLength(string path, long actual, long expected, string announced)
    {
        if (actual < expected)
        {
            throw new DataFormatException(path, $"the file is truncated: the header announces {announced} ({expected} bytes of data) but only {actual} bytes follow it.");
        }

        if (actual > expected)
        {
            throw new DataFormatException(path, $"the header announces {announced} ({expected} bytes of data) but {actual} bytes follow it; the file is not a single IDX file.");
        }
    }
}
