using System.Buffers.Binary;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>Writes unsigned-byte IDX files (the inverse of <see cref="IdxReader"/>), for data sets rebuilt from other formats.</summary>
internal static class IdxEncoder
{
    /// <summary>Writes <paramref name="count"/> images of <paramref name="height"/> × <paramref name="width"/> bytes.</summary>
    public static void WriteImages(string path, int count, int height, int width, ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != (long)count * height * width)
        {
            throw new ArgumentException($"{pixels.Length} bytes do not make {count} images of {height}×{width}.", nameof(pixels));
        }

        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], count);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], height);
        BinaryPrimitives.WriteInt32BigEndian(header[12..], width);
        using var file = File.Create(path);
        file.Write(header);
        file.Write(pixels);
    }

    /// <summary>Writes one label byte per sample.</summary>
    public static void WriteLabels(string path, ReadOnlySpan<byte> labels)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, IdxReader.LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], labels.Length);
        using var file = File.Create(path);
        file.Write(header);
        file.Write(labels);
    }
}
