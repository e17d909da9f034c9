using System.Buffers.Binary;
using System.IO.Compression;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// A minimal PNG encoder (PNG specification, W3C / ISO 15948) for 8-bit grayscale or RGB images: signature, IHDR, one
/// zlib-compressed IDAT with filter type 0 on every row, IEND. Enough to look at reconstructed images next to the
/// originals without an image library.
/// </summary>
public static class PngWriter
{
    /// <summary>The 8-byte PNG signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes a channel-first image with values in [0, 1] (clamped) as PNG: 1 channel → grayscale, 3 → RGB.</summary>
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

        // Scanlines: a filter-type byte (0, none) then the row's samples, interleaved RGB for colour.
        int stride = (width * channels) + 1;
        var raw = new byte[stride * height];
        int plane = height * width;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    float v = pixels[(c * plane) + (y * width) + x];
                    raw[(y * stride) + 1 + (x * channels) + c] = ToByte(v);
                }
            }
        }

        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = channels == 1 ? (byte)0 : (byte)2; // colour type: grayscale or truecolour
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", Array.Empty<byte>());
        return output.ToArray();
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

    // length (big-endian), type, data, CRC-32 of type and data.
    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(word);
    }
}
