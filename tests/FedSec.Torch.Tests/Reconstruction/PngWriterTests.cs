using FedSec.Torch.Reconstruction;
using SkiaSharp;

namespace FedSec.Torch.Tests.Reconstruction;

public class PngWriterTests
{
    [Fact]
    public void Encode_Grayscale_DecodesToGrayscalePngOfThePixels()
    {
        // 3 wide, 2 high; values chosen to hit 0, 255 and rounding (0.5 → 128), plus clamping of −1 and 2 and NaN → 0.
        float[] pixels = [0f, 0.5f, 1f, -1f, 2f, float.NaN];
        var png = PngWriter.Encode(pixels, 1, 2, 3);

        // IHDR's colour type (byte 25 of the file): 0, grayscale.
        Assert.Equal(0, png[25]);
        using var bitmap = Decode(png, SKColorType.Gray8);
        Assert.Equal((3, 2), (bitmap.Width, bitmap.Height));
        Assert.Equal(new byte[] { 0, 128, 255, 0, 255, 0 }, bitmap.Bytes);
    }

    [Fact]
    public void Encode_Rgb_DecodesToRgbPngWithChannelFirstPlanesInterleaved()
    {
        // 1×2 image, planes R = (1, 0), G = (0, 1), B = (0.2, 0.4).
        float[] pixels = [1f, 0f, 0f, 1f, 0.2f, 0.4f];
        var png = PngWriter.Encode(pixels, 3, 1, 2);

        Assert.Equal(2, png[25]); // colour type 2: truecolour, no alpha
        using var bitmap = Decode(png, SKColorType.Rgba8888);
        Assert.Equal(new SKColor(255, 0, 51), bitmap.GetPixel(0, 0));
        Assert.Equal(new SKColor(0, 255, 102), bitmap.GetPixel(1, 0));
    }

    [Fact]
    public void Write_NestedPath_CreatesDirectoryAndDecodableFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "fedsec-png-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "a", "image.png");
            PngWriter.Write(path, [0.25f, 0.75f], 1, 1, 2);
            using var bitmap = Decode(File.ReadAllBytes(path), SKColorType.Gray8);
            Assert.Equal(new byte[] { 64, 191 }, bitmap.Bytes);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Encode_TwoChannels_ThrowsNamingTheChannelCount()
    {
        var e = Assert.Throws<ArgumentException>(() => PngWriter.Encode(new float[8], 2, 2, 2));
        Assert.Contains("got 2", e.Message, StringComparison.Ordinal);
    }

    private static SKBitmap Decode(byte[] png, SKColorType colorType)
    {
        using var codec = SKCodec.Create(new MemoryStream(png));
        Assert.NotNull(codec);
        var info = codec.Info.WithColorType(colorType).WithAlphaType(SKAlphaType.Opaque);
        var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        return bitmap;
    }
}
