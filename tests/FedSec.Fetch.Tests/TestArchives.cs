using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using ICSharpCode.SharpZipLib.BZip2;

namespace FedSec.Fetch.Tests;

/// <summary>Builds small tar.gz and tar.bz2 archives in memory, with the libraries' writers (not the fetcher's readers).</summary>
internal static class TestArchives
{
    public static byte[] TarGz(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            WriteTar(gzip, entries);
        }

        return output.ToArray();
    }

    public static byte[] TarBz2(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var bzip2 = new BZip2OutputStream(output) { IsStreamOwner = false })
        {
            WriteTar(bzip2, entries);
        }

        return output.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteTar(Stream stream, (string Name, byte[] Content)[] entries)
    {
        using var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
        foreach (var (name, content) in entries)
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
    }
}
