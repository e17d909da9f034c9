using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class IdxEncoderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteImagesAndLabels_ReadBack_SameValuesAndBytesAsHandBuiltFiles()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6];
        IdxEncoder.WriteImages(_dir.File("img"), 3, 1, 2, pixels);
        IdxEncoder.WriteLabels(_dir.File("lbl"), [2, 0, 1]);

        Assert.Equal(IdxWriter.Images(3, 1, 2, pixels), File.ReadAllBytes(_dir.File("img")));
        Assert.Equal(IdxWriter.Labels([2, 0, 1]), File.ReadAllBytes(_dir.File("lbl")));
        Assert.Equal(pixels, IdxReader.ReadImages(_dir.File("img")).Pixels);
    }

    [Fact]
    public void WriteImages_SizeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => IdxEncoder.WriteImages(_dir.File("img"), 2, 2, 2, new byte[7]));
    }
}
