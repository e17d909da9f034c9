using SkiaSharp;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// Writes 8-bit grayscale or RGB images as PNG through SkiaSharp, the image library FedSec already draws its report
/// figures with. SkiaSharp's managed part comes with TorchSharp, but its Linux native library does not: FedSec.Torch
/// references SkiaSharp.NativeAssets.Linux for it, the same 9 MB library the CLI already ships for the report (and
/// whose fontconfig dependency CI already installs), a small addition next to libtorch. The alternative, a CRC-32 from
/// System.IO.Hashing around .NET's ZLibStream, would have kept a hand-made chunk writer to maintain.
/// </summary>
public static class PngWriter
{
    /// <summary>Encodes a channel-first image with values in [0, 1] (clamped; NaN as 0) as PNG: 1 channel → grayscale, 3 → RGB.</summary>
    /// <param name="pixels">C × H × W values, channel-first (as in <see cref="FedSec.Data.ImageSet"/>).</param>
    /// <param name="channels">1 or 3.</param>
    /// <param name="height">Rows.</param>
    /// <param name="width">Columns.</param>
    /// <exception cref="ArgumentException">Another channel count, a non-positive size, or a pixel count that does not fit.</exception>
    public static byte[] Encode(ReadOnlySpan<float> pixels, int channels, int height, int width)
    {
        if (channels is not (1 or 3))
        {
            throw new ArgumentException($"PNG images here have 1 (grayscale) or 3 (RGB) channels; got {channels}.", nameof(channels));
        }

        if (height <= 0 || width <= 0 || pixels.Length != channels * height * width)
        {
            throw new ArgumentException($"{pixels.Length} values do not make a {channels}×{height}×{width} image.", nameof(pixels));
        }

        // Gray8 is encoded as a grayscale PNG; opaque Rgb888x (one padding byte per pixel) as an RGB PNG.
        var info = new SKImageInfo(width, height, channels == 1 ? SKColorType.Gray8 : SKColorType.Rgb888x, SKAlphaType.Opaque);
        int stride = channels == 1 ? 1 : 4;
        var bytes = new byte[height * width * stride];
        int plane = height * width;
        for (int p = 0; p < plane; p++)
        {
            for (int c = 0; c < channels; c++)
            {
                bytes[(p * stride) + c] = ToByte(pixels[(c * plane) + p]);
            }

            if (stride == 4)
            {
                bytes[(p * stride) + 3] = 255;
            }
        }

        using var image = SKImage.FromPixelCopy(info, bytes, info.RowBytes)
            ?? throw new InvalidOperationException($"SkiaSharp could not make a {width}×{height} image.");
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {width}×{height} image as PNG.");
        return data.ToArray();
    }

    /// <summary>Encodes the image (see <see cref="Encode"/>) and writes it to <paramref name="path"/>, creating its directory.</summary>
    public static void Write(string path, ReadOnlySpan<float> pixels, int channels, int height, int width)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = Encode(pixels, channels, height, width);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static byte ToByte(float v) => float.IsNaN(v) ? (byte)0 : (byte)Math.Round(Math.Clamp(v, 0f, 1f) * 255f);
}
