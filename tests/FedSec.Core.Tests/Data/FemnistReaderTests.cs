using FedSec.Data;
using PureHDF;

namespace FedSec.Core.Tests.Data;

public sealed class FemnistReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_FileWhoseRootHeaderIsCorrupt_IsADataFormatErrorAndLeavesTheFileClosed(bool namesOnly)
    {
        // Fixtures/fuzz_femnist_open_leak.h5 is afl's crashing input (fuzz/README.md, target femnist): PureHDF 2.2's
        // H5File.OpenRead(path) threw on it ("signature ... does not match 'OHDR'") and left the file open, so the next
        // write of the same path in the process failed with "being used by another process".
        string path = _dir.File("train.h5");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "fuzz_femnist_open_leak.h5"), path);

        var e = Assert.Throws<DataFormatException>(() => _ = namesOnly ? FemnistReader.WriterNames(path) : (object)FemnistReader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("OHDR", e.Message, StringComparison.Ordinal);
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public void Read_WritersStoredOutOfOrder_ReadsThemInNameOrderWithTheirSamples()
    {
        string path = _dir.File("train.h5");
        FemnistWriter.Write(path, new("f0002_11", [61, 0], 0.25f), new("f0000_14", [3], 1f), new("f0001_40", [10, 36, 35], 0f));

        var read = FemnistReader.Read(path);

        Assert.Equal(["f0000_14", "f0001_40", "f0002_11"], read.Clients.Names);
        Assert.Equal([3, 10, 36, 35, 61, 0], read.Images.Labels);
        Assert.Equal([[0], [1, 2, 3], [4, 5]], read.Clients.Indices);
        Assert.Equal((1, 28, 28, 62), (read.Images.Channels, read.Images.Height, read.Images.Width, read.Images.ClassCount));
        Assert.Equal(1f, read.Images.Image(0)[0]);
        Assert.Equal(0.25f, read.Images.Image(4)[783]);
    }

    [Fact]
    public void Read_FileWrittenByH5py_ReadsItsGroupsAndCompressedChunksInNameOrder()
    {
        // Fixtures/h5py_femnist.h5 comes from Fixtures/make_h5py_femnist.py (h5py, as TFF and FedML write and read
        // these files): 40 writers in symbol-table groups, pixels chunked with shuffle + gzip, int32 labels.
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "h5py_femnist.h5");

        var read = FemnistReader.Read(path);

        Assert.Equal(Enumerable.Range(0, 40).Select(w => $"f{w:D4}_{w % 30:D2}"), read.Clients.Names);
        Assert.Equal(80, read.Images.Count);
        for (int w = 0; w < 40; w++)
        {
            for (int i = 0; i < 2; i++)
            {
                int n = (2 * w) + i;
                Assert.Equal(((w * 5) + i) % 62, read.Images.Labels[n]);
                var image = read.Images.Image(n);
                Assert.Equal((((w * 7) + (i * 3) + 5 + 9) % 17) / 16f, image[(5 * 28) + 9]);
            }
        }
    }

    [Fact]
    public void Read_NamedWriters_ReadsOnlyThoseInTheGivenOrder()
    {
        string path = _dir.File("train.h5");
        FemnistWriter.Write(path, new("a", [1]), new("b", [2, 2]), new("c", [3]));

        var read = FemnistReader.Read(path, ["c", "a"]);

        Assert.Equal([3, 1], read.Images.Labels);
        Assert.Equal(["c", "a"], read.Clients.Names);
    }

    [Fact]
    public void WriterNames_File_ListsWritersOrdinally()
    {
        string path = _dir.File("train.h5");
        FemnistWriter.Write(path, new("f10", [1]), new("F2", [1]), new("f02", [1]));

        Assert.Equal(["F2", "f02", "f10"], FemnistReader.WriterNames(path));
    }

    [Fact]
    public void Read_LabelAbove61_ThrowsNamingFileWriterAndRange()
    {
        string path = _dir.File("bad.h5");
        FemnistWriter.Write(path, new FemnistWriter.Writer("w1", [5, 62]));

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("'w1'", e.Problem, StringComparison.Ordinal);
        Assert.Contains("label 62", e.Problem, StringComparison.Ordinal);
        Assert.Contains("0..61", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PixelAboveOne_ThrowsSayingPixelsAreInUnitRange()
    {
        string path = _dir.File("bad.h5");
        FemnistWriter.Write(path, new FemnistWriter.Writer("w1", [5], 255f));

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Contains("pixel value 255", e.Problem, StringComparison.Ordinal);
        Assert.Contains("[0, 1]", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pixels", "writer 'w1' has 'pixels' of shape [100000, 28, 28]")]
    [InlineData("label", "writer 'w1' has 'label' of shape [100000]")]
    public void Read_DatasetDeclaringMoreThanTheFileHolds_ThrowsBeforeAllocatingIt(string dataset, string expected)
    {
        // A hostile dataspace: the writer's 3 samples re-declared as 100 000 (78 million pixels, 300 MiB of floats)
        // in a file of a few kilobytes. The reader sizes its arrays from these dimensions; it must refuse first.
        string path = _dir.File("declared.h5");
        FemnistWriter.Write(path, new FemnistWriter.Writer("w1", [1, 2, 3]));
        var bytes = File.ReadAllBytes(path);
        var three = BitConverter.GetBytes(3UL);
        var matches = Enumerable.Range(0, bytes.Length - 16).Where(i => bytes.AsSpan(i, 8).SequenceEqual(three)).ToArray();
        Assert.Equal(2, matches.Length); // PureHDF writes each dataspace's dimensions once (no maximum dimensions)
        bool IsPixels(int i) => BitConverter.ToUInt64(bytes, i + 8) == 28; // [3, 28, 28] against the labels' [3]
        // "pixels": both datasets re-declared alike, so only the size check stands between the reader and the allocation.
        foreach (int at in matches.Where(i => dataset == "pixels" || !IsPixels(i)))
        {
            BitConverter.GetBytes(100_000UL).CopyTo(bytes, at);
        }

        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Problem, StringComparison.Ordinal);
        Assert.Contains("the file is corrupt", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsNamingTheFile()
    {
        string path = _dir.File("cut.h5");
        FemnistWriter.Write(path, new FemnistWriter.Writer("w1", [1, 2, 3]));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("truncated or not HDF5", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoExamplesGroup_ThrowsSayingWhatTheLayoutIs()
    {
        string path = _dir.File("other.h5");
        new H5File { ["data"] = new H5Group { ["x"] = new int[] { 1 } } }.Write(path);

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Contains("no 'examples' group", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ImagesOfOtherSide_ThrowsNamingShape()
    {
        string path = _dir.File("small.h5");
        new H5File { ["examples"] = new H5Group { ["w"] = new H5Group { ["pixels"] = new float[2, 8, 8], ["label"] = new int[] { 1, 2 } } } }.Write(path);

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Contains("2×8×8", e.Problem, StringComparison.Ordinal);
        Assert.Contains("n×28×28", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LabelCountDiffersFromImages_ThrowsSayingEachImageNeedsOne()
    {
        string path = _dir.File("odd.h5");
        new H5File { ["examples"] = new H5Group { ["w"] = new H5Group { ["pixels"] = new float[2, 28, 28], ["label"] = new int[] { 1 } } } }.Write(path);

        var e = Assert.Throws<DataFormatException>(() => FemnistReader.Read(path));

        Assert.Contains("2 images", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Int64LabelsAndFloat64Pixels_ReadLikeTheDefaultTypes()
    {
        string path = _dir.File("wide.h5");
        var pixels = new double[1, 28, 28];
        pixels[0, 0, 0] = 0.75;
        new H5File { ["examples"] = new H5Group { ["w"] = new H5Group { ["pixels"] = pixels, ["label"] = new long[] { 44 } } } }.Write(path);

        var read = FemnistReader.Read(path);

        Assert.Equal([44], read.Images.Labels);
        Assert.Equal(0.75f, read.Images.Image(0)[0]);
    }
}
