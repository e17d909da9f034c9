using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class Cifar10ReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadBatches_TwoFiles_ConcatenatesRecordsChannelFirstScaled()
    {
        // Record pixel p of plane c gets value (seed + c + p) mod 256, so order and planes are checkable.
        string a = Write("a.bin", Record(3, 10), Record(0, 20));
        string b = Write("b.bin", Record(9, 30));

        var set = Cifar10Reader.ReadBatches([a, b]);

        Assert.Equal(new[] { 3, 0, 9 }, set.Labels);
        Assert.Equal((3, 32, 32, 10), (set.Channels, set.Height, set.Width, set.ClassCount));
        int[] seeds = [10, 20, 30];
        for (int n = 0; n < 3; n++)
        {
            var image = set.Image(n);
            foreach (int index in new[] { 0, 1, 1023, 1024, 2047, 2048, 3071 })
            {
                int plane = index / 1024, p = index % 1024;
                Assert.Equal(((seeds[n] + plane + p) % 256) / 255f, image[index]);
            }
        }
    }

    [Fact]
    public void LoadTrainAndTest_StandardNames_ReadsFromDirectory()
    {
        for (int i = 1; i <= 5; i++)
        {
            Write($"data_batch_{i}.bin", Record((byte)i, i), Record((byte)(i + 1), i));
        }

        Write("test_batch.bin", Record(7, 0));

        var train = Cifar10Reader.LoadTrain(_dir.Path);
        var test = Cifar10Reader.LoadTest(_dir.Path);

        Assert.Equal(new[] { 1, 2, 2, 3, 3, 4, 4, 5, 5, 6 }, train.Labels);
        Assert.Equal(new[] { 7 }, test.Labels);
    }

    [Fact]
    public void ReadBatches_SizeNotMultipleOfRecord_ThrowsNamingFileAndSize()
    {
        byte[] bytes = Record(1, 0).Concat(Record(2, 0)[..100]).ToArray();
        string path = Write("bad.bin", bytes);

        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.ReadBatches([path]));

        Assert.Equal(path, e.Path);
        Assert.Contains($"{3073 + 100} bytes", e.Problem, StringComparison.Ordinal);
        Assert.Contains("3073", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_Cifar100SizedFile_HintsAtCifar100()
    {
        string path = Write("c100.bin", new byte[3074]);

        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.ReadBatches([path]));

        Assert.Contains("CIFAR-100", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_LabelAboveNine_ThrowsNamingRecordAndLabel()
    {
        string path = Write("bad.bin", Record(4, 0), Record(10, 0));

        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.ReadBatches([path]));

        Assert.Equal(path, e.Path);
        Assert.Contains("record 1 has label 10", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatches_EmptyFile_ThrowsEmpty()
    {
        string path = Write("empty.bin");

        var e = Assert.Throws<DataFormatException>(() => Cifar10Reader.ReadBatches([path]));

        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTrain_MissingFiles_SaysWhichWhereAndToDownload()
    {
        for (int i = 1; i <= 4; i++)
        {
            Write($"data_batch_{i}.bin", Record(0, 0));
        }

        var e = Assert.Throws<FileNotFoundException>(() => Cifar10Reader.LoadTrain(_dir.Path));

        Assert.StartsWith("CIFAR-10 file(s) data_batch_5.bin not found", e.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("download", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(_dir.File("data_batch_5.bin"), e.FileName);
    }

    private static byte[] Record(byte label, int seed)
    {
        var r = new byte[3073];
        r[0] = label;
        for (int i = 0; i < 3072; i++)
        {
            r[1 + i] = (byte)((seed + i / 1024 + i % 1024) % 256);
        }

        return r;
    }

    private string Write(string name, params byte[][] records)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, records.SelectMany(r => r).ToArray());
        return path;
    }
}
