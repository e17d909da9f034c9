using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadImages_ValidFile_ReturnsHeaderAndPixels()
    {
        byte[] pixels = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
        string path = Write("img", IdxWriter.Images(2, 2, 3, pixels));

        var images = IdxReader.ReadImages(path);

        Assert.Equal((2, 2, 3), (images.Count, images.Height, images.Width));
        Assert.Equal(pixels, images.Pixels);
    }

    [Fact]
    public void ReadImages_GzipFile_ReturnsSameAsUncompressed()
    {
        byte[] pixels = Enumerable.Range(0, 3 * 4 * 4).Select(i => (byte)(i * 5)).ToArray();
        byte[] idx = IdxWriter.Images(3, 4, 4, pixels);
        string gz = Write("img.gz", IdxWriter.Gzip(idx));

        var images = IdxReader.ReadImages(gz);

        Assert.Equal((3, 4, 4), (images.Count, images.Height, images.Width));
        Assert.Equal(pixels, images.Pixels);
    }

    [Fact]
    public void ReadLabels_GzipFileWithoutGzSuffix_IsDetectedFromContent()
    {
        string path = Write("labels", IdxWriter.Gzip(IdxWriter.Labels([7, 0, 9])));

        Assert.Equal(new byte[] { 7, 0, 9 }, IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Load_ValidPair_ScalesPixelsTo01AndKeepsLabels()
    {
        string images = Write("img", IdxWriter.Images(2, 1, 2, [0, 255, 51, 102]));
        string labels = Write("lbl", IdxWriter.Labels([3, 1]));

        var set = IdxReader.Load(images, labels, classCount: 10);

        Assert.Equal(new[] { 0f, 1f, 0.2f, 0.4f }, set.Pixels);
        Assert.Equal(new[] { 3, 1 }, set.Labels);
        Assert.Equal((1, 1, 2, 10), (set.Channels, set.Height, set.Width, set.ClassCount));
    }

    [Fact]
    public void ReadImages_WrongMagic_ThrowsNamingFileAndMagic()
    {
        string path = Write("img", IdxWriter.Header(0x00000d03, 1, 1, 1).Append((byte)0).ToArray());

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000D03", e.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000803", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_LabelFileGiven_SaysItIsALabelFile()
    {
        string path = Write("lbl", IdxWriter.Labels([1, 2]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains("label file", e.Problem, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_TruncatedData_ThrowsNamingFileAndSizes()
    {
        byte[] full = IdxWriter.Images(2, 2, 2, new byte[8]);
        string path = Write("img", full[..^3]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Problem, StringComparison.Ordinal);
        Assert.Contains("8 bytes", e.Problem, StringComparison.Ordinal);
        Assert.Contains("only 5 bytes", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_TruncatedHeader_ThrowsTruncated()
    {
        string path = Write("img", IdxWriter.Header(0x00000803, 1)); // magic + count only, 8 of 16 header bytes

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains("truncated", e.Problem, StringComparison.Ordinal);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadImages_TrailingBytes_Throws()
    {
        string path = Write("img", IdxWriter.Images(1, 1, 2, [1, 2, 3]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains("3 bytes follow", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_TruncatedData_Throws()
    {
        string path = Write("lbl", IdxWriter.Labels([1, 2, 3, 4])[..^1]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("truncated", e.Problem, StringComparison.Ordinal);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadLabels_EmptyFile_ThrowsEmpty()
    {
        string path = Write("lbl", []);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("empty", e.Problem, StringComparison.Ordinal);
        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadImages_TruncatedGzip_ThrowsNamingFile()
    {
        byte[] gz = IdxWriter.Gzip(IdxWriter.Images(4, 8, 8, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()));
        string path = Write("img.gz", gz[..(gz.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void ReadImages_MissingFile_ThrowsFileNotFoundNamingIt()
    {
        string path = _dir.File("absent");

        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(path));

        Assert.Equal(path, e.FileName);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelOutOfRange_ThrowsNamingLabelFileAndSample()
    {
        string images = Write("img", IdxWriter.Images(3, 1, 1, [0, 0, 0]));
        string labels = Write("lbl", IdxWriter.Labels([1, 10, 2]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.Load(images, labels, classCount: 10));

        Assert.Equal(labels, e.Path);
        Assert.Contains("label 10 of sample 1", e.Problem, StringComparison.Ordinal);
        Assert.Contains("0..9", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CountsDisagree_ThrowsNamingBothFiles()
    {
        string images = Write("img", IdxWriter.Images(3, 1, 1, [0, 0, 0]));
        string labels = Write("lbl", IdxWriter.Labels([1, 2]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.Load(images, labels, classCount: 10));

        Assert.Contains(labels, e.Message, StringComparison.Ordinal);
        Assert.Contains(images, e.Message, StringComparison.Ordinal);
        Assert.Contains("2 labels", e.Problem, StringComparison.Ordinal);
        Assert.Contains("3 images", e.Problem, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
