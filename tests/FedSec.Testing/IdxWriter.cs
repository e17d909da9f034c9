using System.Buffers.Binary;
using System.IO.Compression;

namespace FedSec.Testing;

/// <summary>Builds IDX files byte by byte, independently of the reader under test.</summary>
public static class IdxWriter
{
    public static byte[] Images(int count, int height, int width, byte[] pixels) =>
        Header(0x00000803, count, height, width).Concat(pixels).ToArray();

    public static byte[] Labels(byte[] labels) => Header(0x00000801, labels.Length).Concat(labels).ToArray();

    public static byte[] Header(int magic, params int[] dims)
    {
        var bytes = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int i = 0; i < dims.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        }

        return bytes;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
