using System.IO.Compression;

namespace FedSec.Data;

/// <summary>Reads a whole file into memory, transparently decompressing it when it starts with the gzip magic.</summary>
internal static class GzipDetector
{
    /// <summary>True when <paramref name="bytes"/> start with the gzip magic 0x1f 0x8b.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>
    /// The file's bytes (decompressed if gzip). A missing file gives a <see cref="FileNotFoundException"/> naming it;
    /// a corrupt gzip stream gives a <see cref="DataFormatException"/>.
    /// </summary>
    public static byte[] ReadAllBytes(string path, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {what} '{path}' does not exist.", path);
        }

        byte[] raw = File.ReadAllBytes(path);
        if (!IsGzip(raw))
        {
            return raw;
        }

        try
        {
            using var input = new MemoryStream(raw, writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream(raw.Length * 4);
            gzip.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"it starts like a gzip file but does not decompress ({e.Message}); the download is probably truncated or corrupt.", e);
        }
    }
}
