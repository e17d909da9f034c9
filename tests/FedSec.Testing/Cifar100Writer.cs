namespace FedSec.Testing;

/// <summary>Builds CIFAR-100 binary records byte by byte (coarse label, fine label, 3072 pixels), independently of the reader.</summary>
public static class Cifar100Writer
{
    /// <summary>Records with the given (coarse, fine) labels; record i's pixels are all <c>i</c>.</summary>
    public static byte[] Records(params (byte Coarse, byte Fine)[] labels)
    {
        var bytes = new byte[labels.Length * 3074];
        for (int i = 0; i < labels.Length; i++)
        {
            bytes[i * 3074] = labels[i].Coarse;
            bytes[(i * 3074) + 1] = labels[i].Fine;
            bytes.AsSpan((i * 3074) + 2, 3072).Fill((byte)i);
        }

        return bytes;
    }

    /// <summary>A train.bin (<paramref name="train"/> records, fine labels cycling through the first <paramref name="classes"/>) and a test.bin (2 records) in <paramref name="directory"/>.</summary>
    public static void WriteSplit(string directory, int train = 20, int classes = 100)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "train.bin"), Records(Enumerable.Range(0, train).Select(i => ((byte)(i % 20), (byte)(i % classes))).ToArray()));
        File.WriteAllBytes(Path.Combine(directory, "test.bin"), Records((0, 5), (1, 99)));
    }
}
