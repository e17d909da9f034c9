namespace FedSec.Data;

/// <summary>
/// Reads the binary version of CIFAR-100 (Krizhevsky, "Learning multiple layers of features from tiny images", 2009):
/// each record is 1 coarse-label byte (0..19), 1 fine-label byte (0..99), then 3072 pixel bytes, the red, green and
/// blue 32×32 planes in turn, row-major. The training split is <c>train.bin</c> (50 000 records), the test split
/// <c>test.bin</c> (10 000). FedML trains on the fine labels (torchvision's CIFAR100 gives no other), so the catalog
/// reads those; <see cref="Cifar100Label.Coarse"/> is there for callers that want the 20 superclasses.
/// </summary>
public static class Cifar100Reader
{
    /// <summary>The directory the official archive <c>cifar-100-binary.tar.gz</c> extracts to.</summary>
    public const string DirectoryName = "cifar-100-binary";

    /// <summary>The file of the training split.</summary>
    public const string TrainFileName = "train.bin";

    /// <summary>The file of the test split.</summary>
    public const string TestFileName = "test.bin";

    /// <summary>Bytes per record: 2 labels + 3 × 32 × 32 pixels.</summary>
    public const int RecordSize = 2 + PixelsPerImage;

    /// <summary>Fine classes.</summary>
    public const int FineClassCount = 100;

    /// <summary>Coarse classes (superclasses).</summary>
    public const int CoarseClassCount = 20;

    private const int Side = 32;
    private const int PixelsPerImage = 3 * Side * Side;

    /// <summary>Reads one CIFAR-100 binary file with the chosen labels.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="DataFormatException">Empty, not a whole number of records (truncated, or CIFAR-10's 3073-byte records), or a label out of range.</exception>
    public static ImageSet Read(string path, Cifar100Label label = Cifar100Label.Fine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CIFAR-100 file '{path}' not found.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        CheckSize(path, bytes.Length);
        int count = bytes.Length / RecordSize;
        var pixels = new float[(long)count * PixelsPerImage];
        var labels = new int[count];
        for (int r = 0; r < count; r++)
        {
            var record = bytes.AsSpan(r * RecordSize, RecordSize);
            CheckLabel(path, r, record[0], CoarseClassCount, "coarse");
            CheckLabel(path, r, record[1], FineClassCount, "fine");
            labels[r] = label == Cifar100Label.Coarse ? record[0] : record[1];
            PixelScaling.ToUnitFloats(record[2..], pixels.AsSpan(r * PixelsPerImage, PixelsPerImage));
        }

        int classes = label == Cifar100Label.Coarse ? CoarseClassCount : FineClassCount;
        return new ImageSet(pixels, labels, 3, Side, Side, classes);
    }

    private static void CheckSize(string path, long length)
    {
        if (length == 0)
        {
            throw new DataFormatException(path, $"the file is empty; a CIFAR-100 binary file holds records of {RecordSize} bytes.");
        }

        if (length % RecordSize != 0)
        {
            // CIFAR-10's records carry one label byte; say so, since that mix-up is the likely one.
            string hint = length % (RecordSize - 1) == 0
                ? " Its size is a multiple of 3073, the record of CIFAR-10's binary version: this looks like a CIFAR-10 batch (data_args.dataset: cifar10)."
                : " The file is truncated or is not a CIFAR-100 binary file.";
            throw new DataFormatException(
                path,
                $"its size, {length} bytes, is not a multiple of the {RecordSize}-byte record (1 coarse label byte, 1 fine label byte, {PixelsPerImage} pixel bytes).{hint}");
        }
    }

    private static void CheckLabel(string path, int record, byte value, int classes, string kind)
    {
        if (value >= classes)
        {
            throw new DataFormatException(path, $"record {record} has {kind} label {value}; CIFAR-100's {kind} labels are 0..{classes - 1}.");
        }
    }
}
