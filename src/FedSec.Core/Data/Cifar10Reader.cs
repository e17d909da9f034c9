namespace FedSec.Data;

/// <summary>
/// Reads the binary version of CIFAR-10 (Krizhevsky, "Learning multiple layers of features from tiny images", 2009):
/// each record is 1 label byte (0..9) then 3072 pixel bytes, the red, green and blue 32×32 planes in turn, row-major.
/// That is already channel-first, so pixels are only scaled to [0, 1]. CIFAR-10 is never downloaded by FedSec.
/// </summary>
public static class Cifar10Reader
{
    /// <summary>The directory the official archive <c>cifar-10-binary.tar.gz</c> extracts to.</summary>
    public const string DirectoryName = "cifar-10-batches-bin";

    /// <summary>The file of the test split.</summary>
    public const string TestFileName = "test_batch.bin";

    /// <summary>Bytes per record: 1 label + 3 × 32 × 32 pixels.</summary>
    public const int RecordSize = 1 + PixelsPerImage;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;

    private const int PixelsPerImage = 3 * Side * Side;

    /// <summary>The five files of the training split, in order.</summary>
    public static IReadOnlyList<string> TrainFileNames { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>Reads the training split (<c>data_batch_1.bin</c> .. <c>data_batch_5.bin</c>) from <paramref name="batchDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">A batch file is missing; the message says where it was looked for.</exception>
    /// <exception cref="DataFormatException">A batch file is malformed.</exception>
    public static ImageSet LoadTrain(string batchDirectory) =>
        ReadBatches(TrainFileNames.Select(f => Path.Combine(batchDirectory, f)).ToArray());

    /// <summary>Reads the test split (<c>test_batch.bin</c>) from <paramref name="batchDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">The batch file is missing; the message says where it was looked for.</exception>
    /// <exception cref="DataFormatException">The batch file is malformed.</exception>
    public static ImageSet LoadTest(string batchDirectory) => ReadBatches([Path.Combine(batchDirectory, TestFileName)]);

    /// <summary>Reads one or more batch files and concatenates their records in the order given.</summary>
    /// <exception cref="FileNotFoundException">A batch file is missing; the message says where it was looked for.</exception>
    /// <exception cref="DataFormatException">A size that is not a whole number of records, or a label above 9.</exception>
    public static ImageSet ReadBatches(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one CIFAR-10 batch file is needed.", nameof(paths));
        }

        var missing = paths.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException(MissingMessage(missing), missing[0]);
        }

        var contents = paths.Select(p => (Path: p, Bytes: ReadChecked(p))).ToArray();
        int total = contents.Sum(c => c.Bytes.Length / RecordSize);
        var pixels = new float[(long)total * PixelsPerImage];
        var labels = new int[total];
        int n = 0;
        foreach (var (path, bytes) in contents)
        {
            for (int r = 0; r < bytes.Length / RecordSize; r++, n++)
            {
                var record = bytes.AsSpan(r * RecordSize, RecordSize);
                labels[n] = record[0];
                PixelScaling.ToUnitFloats(record[1..], pixels.AsSpan(n * PixelsPerImage, PixelsPerImage));
            }
        }

        return new ImageSet(pixels, labels, 3, Side, Side, ClassCount);
    }

    /// <summary>The message for CIFAR-10 files that are not where they were looked for.</summary>
    internal static string MissingMessage(IReadOnlyList<string> missing)
    {
        string names = string.Join(", ", missing.Select(Path.GetFileName));
        string where = Path.GetDirectoryName(Path.GetFullPath(missing[0])) ?? ".";
        return $"CIFAR-10 file(s) {names} not found in '{where}'. FedSec does not download CIFAR-10: download the binary version "
            + "(cifar-10-binary.tar.gz, from https://www.cs.toronto.edu/~kriz/cifar.html) yourself and extract it so that "
            + $"'{where}' holds data_batch_1.bin .. data_batch_5.bin and test_batch.bin.";
    }

    private static byte[] ReadChecked(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new DataFormatException(path, $"the file is empty; a CIFAR-10 batch holds records of {RecordSize} bytes.");
        }

        if (bytes.Length % RecordSize != 0)
        {
            // CIFAR-100's binary records carry two label bytes; say so, since that mix-up is the likely one.
            string hint = bytes.Length % (RecordSize + 1) == 0
                ? " Its size is a multiple of 3074, the record of CIFAR-100's binary version; this reader reads CIFAR-10."
                : " The file is truncated or is not a CIFAR-10 binary batch.";
            throw new DataFormatException(
                path,
                $"its size, {bytes.Length} bytes, is not a multiple of the {RecordSize}-byte record (1 label byte + {PixelsPerImage} pixel bytes).{hint}");
        }

        for (int r = 0; r < bytes.Length / RecordSize; r++)
        {
            byte label = bytes[r * RecordSize];
            if (label >= ClassCount)
            {
                throw new DataFormatException(path, $"record {r} has label {label}; CIFAR-10 labels are 0..{ClassCount - 1}.");
            }
        }

        return bytes;
    }
}
