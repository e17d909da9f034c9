using System.Text;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

/// <summary>A data set in several archives (StackOverflow's three) fetched into one directory from a server on 127.0.0.1.</summary>
public sealed class ArchiveSetFetcherTests : IDisposable
{
    private static readonly byte[] Train = Encoding.ASCII.GetBytes("train h5");
    private static readonly byte[] Words = Encoding.ASCII.GetBytes("the 10\n");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static DatasetArchive Archive(string name, Uri source, byte[] bytes, params string[] files) =>
        new(name, [source], TestArchives.Sha256(bytes), bytes.Length, files, "the test's pin");

    private static ArchiveSetFetcher Fetcher(params DatasetArchive[] archives) =>
        new("stackoverflow_lr", archives, a => new ArchiveFetcher("stackoverflow_lr", a) { ResponseTimeout = TimeSpan.FromSeconds(10), StallTimeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public async Task FetchAsync_TwoServedArchives_ExtractsEveryFileIntoTheDirectory()
    {
        var h5 = TestArchives.TarBz2(("stackoverflow_train.h5", Train));
        var counts = TestArchives.TarBz2(("stackoverflow.word_count", Words));
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.bz2"] = h5, ["b.tar.bz2"] = counts });

        var result = await Fetcher(
            Archive("stackoverflow.tar.bz2", server.Url("a.tar.bz2"), h5, "stackoverflow_train.h5"),
            Archive("stackoverflow.word_count.tar.bz2", server.Url("b.tar.bz2"), counts, "stackoverflow.word_count")).FetchAsync(_dir.Path);

        Assert.Equal(Train, File.ReadAllBytes(_dir.File("stackoverflow_train.h5")));
        Assert.Equal(Words, File.ReadAllBytes(_dir.File("stackoverflow.word_count")));
        Assert.Equal(["stackoverflow.word_count", "stackoverflow_train.h5"], result.FetchedFrom.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_OneArchiveWithAnotherHash_FetchesTheOtherAndNamesOnlyTheMissingFilesAndTheirArchive()
    {
        var h5 = TestArchives.TarBz2(("stackoverflow_train.h5", Train));
        var counts = TestArchives.TarBz2(("stackoverflow.word_count", Words));
        var tampered = (byte[])counts.Clone();
        tampered[^1] ^= 0xFF;
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.bz2"] = h5, ["b.tar.bz2"] = tampered });

        var e = await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(
            Archive("stackoverflow.tar.bz2", server.Url("a.tar.bz2"), h5, "stackoverflow_train.h5"),
            Archive("stackoverflow.word_count.tar.bz2", server.Url("b.tar.bz2"), counts, "stackoverflow.word_count")).FetchAsync(_dir.Path));

        Assert.Equal(Train, File.ReadAllBytes(_dir.File("stackoverflow_train.h5")));
        Assert.Equal(["stackoverflow.word_count"], e.MissingFiles);
        Assert.Contains($"download stackoverflow.word_count.tar.bz2 from {server.Url("b.tar.bz2")} (SHA-256 {TestArchives.Sha256(counts)})", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("download stackoverflow.tar.bz2", e.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetFetcher_StackOverflow_FetchesTffsThreePinnedArchivesOnRequestOnly()
    {
        Assert.True(new DatasetFetcher().CanFetch("stackoverflow_lr"));
        Assert.False(new DatasetFetcher().CanFetch("shakespeare"));
        Assert.False(DatasetCatalog.FetchesImplicitly("stackoverflow_lr"));
        Assert.Equal(
            ["stackoverflow_train.h5", "stackoverflow_test.h5", "stackoverflow.word_count", "stackoverflow.tag_count"],
            DatasetArchives.StackOverflow.SelectMany(a => a.Files));
    }
}
