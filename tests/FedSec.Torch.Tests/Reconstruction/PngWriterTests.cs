using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class PngWriterTests
{
    [Fact]
    public void Encode_Grayscale_WritesSignatureIhdrAndIdatThatInflatesToThePixels()
    {
        // 3 wide, 2 high; values chosen to hit 0, 255 and rounding (0.5 → 128), plus clamping of −1 and 2.
        float[] pixels = [0f, 0.5f, 1f, -1f, 2f, 0.2f];
        var png = PngWriter.Encode(pixels, 1, 2, 3);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type).ToArray());
        var ihdr = chunks[0].Data;
        Assert.Equal(13, ihdr.Length);
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(ihdr));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 0, 0, 0, 0 }, ihdr[8..]);
        var raw = Inflate(chunks[1].Data);
        Assert.Equal(new byte[] { 0, 0, 128, 255, 0, 0, 255, 51 }, raw);
    }

    [Fact]
    public void Encode_Rgb_InterleavesChannelFirstPlanes()
    {
        // 1×2 image, planes R = (1, 0), G = (0, 1), B = (0.2, 0.4).
        float[] pixels = [1f, 0f, 0f, 1f, 0.2f, 0.4f];
        var chunks = Chunks(PngWriter.Encode(pixels, 3, 1, 2));
        Assert.Equal(2, chunks[0].Data[9]); // colour type 2: truecolour
        Assert.Equal(new byte[] { 0, 255, 0, 51, 0, 255, 102 }, Inflate(chunks[1].Data));
    }

    [Fact]
    public void Encode_AnyImage_ChunkCrcsMatchIndependentBitwiseCrc()
    {
        var chunks = Chunks(PngWriter.Encode([0.1f, 0.9f, 0.3f, 0.7f], 1, 2, 2));
        foreach (var c in chunks)
        {
            Assert.Equal(BitwiseCrc(Encoding.ASCII.GetBytes(c.Type).Concat(c.Data).ToArray()), c.Crc);
        }

        // Every PNG's IEND chunk carries the same CRC, AE 42 60 82.
        Assert.Equal(0xAE426082u, chunks[2].Crc);
    }

    [Fact]
    public void Compute_CheckString_GivesTheStandardCrc32CheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Encode_TwoChannels_ThrowsNamingTheChannelCount()
    {
        var e = Assert.Throws<ArgumentException>(() => PngWriter.Encode(new float[8], 2, 2, 2));
        Assert.Contains("got 2", e.Message, StringComparison.Ordinal);
    }

    private static List<(string Type, byte[] Data, uint Crc)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        int at = 8;
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            chunks.Add((type, data, crc));
            at += 12 + length;
        }

        Assert.Equal(png.Length, at);
        return chunks;
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // CRC-32 bit by bit, without a table: an independent check of the table-driven implementation.
    private static uint BitwiseCrc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return ~crc;
    }
}
