using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class Cifar100ReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_Default_TakesFineLabelsAndScalesPixels()
    {
        string path = _dir.File("train.bin");
        File.WriteAllBytes(path, Cifar100Writer.Records((3, 99), (19, 0)));

        var set = Cifar100Reader.Read(path);

        Assert.Equal([99, 0], set.Labels);
        Assert.Equal(100, set.ClassCount);
        Assert.Equal((3, 32, 32), (set.Channels, set.Height, set.Width));
        Assert.Equal(1f / 255f, set.Image(1)[3071]);
    }

    [Fact]
    public void Read_Coarse_TakesTheSuperclasses()
    {
        string path = _dir.File("train.bin");
        File.WriteAllBytes(path, Cifar100Writer.Records((3, 99), (19, 0)));

        var set = Cifar100Reader.Read(path, Cifar100Label.Coarse);

        Assert.Equal([3, 19], set.Labels);
        Assert.Equal(20, set.ClassCount);
    }

    [Fact]
    public void Read_Cifar10Batch_ThrowsSayingItLooksLikeCifar10()
    {
        string path = _dir.File("test.bin");
        File.WriteAllBytes(path, new byte[3073 * 2]);

        var e = Assert.Throws<DataFormatException>(() => Cifar100Reader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("3074-byte record", e.Problem, StringComparison.Ordinal);
        Assert.Contains("CIFAR-10", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Truncated_ThrowsNamingSizeAndRecord()
    {
        string path = _dir.File("train.bin");
        File.WriteAllBytes(path, Cifar100Writer.Records((1, 1), (2, 2))[..5000]);

        var e = Assert.Throws<DataFormatException>(() => Cifar100Reader.Read(path));

        Assert.Contains("5000 bytes", e.Problem, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 5, "coarse label 20", "0..19")]
    [InlineData(2, 100, "fine label 100", "0..99")]
    public void Read_LabelOutOfRange_ThrowsNamingRecordAndRange(byte coarse, byte fine, string label, string range)
    {
        string path = _dir.File("train.bin");
        File.WriteAllBytes(path, Cifar100Writer.Records((0, 0), (coarse, fine)));

        var e = Assert.Throws<DataFormatException>(() => Cifar100Reader.Read(path));

        Assert.Contains("record 1", e.Problem, StringComparison.Ordinal);
        Assert.Contains(label, e.Problem, StringComparison.Ordinal);
        Assert.Contains(range, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Empty_Throws()
    {
        string path = _dir.File("train.bin");
        File.WriteAllBytes(path, []);

        Assert.Throws<DataFormatException>(() => Cifar100Reader.Read(path));
    }
}
