using FedSec.Data;

namespace FedSec.Fetch.Tests;

/// <summary>The archive fetcher against a real HTTP server on 127.0.0.1: download, hash check, extraction and resume.</summary>
public sealed class ArchiveFetcherTests : IDisposable
{
    private static readonly byte[] Train = Cifar100Writer.Records((1, 11), (2, 22), (3, 33));
    private static readonly byte[] Test = Cifar100Writer.Records((4, 44));

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Cifar100Archive() =>
        TestArchives.TarGz(("cifar-100-binary/fine_label_names.txt", "apple\n"u8.ToArray()), ("cifar-100-binary/train.bin", Train), ("cifar-100-binary/test.bin", Test));

    private static DatasetArchive ArchiveAt(IReadOnlyList<Uri> sources, byte[] archive, string name = "cifar-100-binary.tar.gz") =>
        new(name, sources, TestArchives.Sha256(archive), archive.Length, ["train.bin", "test.bin"], "the test's pin");

    private static ArchiveFetcher Fetcher(DatasetArchive archive) =>
        new("cifar100", archive) { ResponseTimeout = TimeSpan.FromSeconds(10), StallTimeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task FetchAsync_ServedArchive_ExtractsTheNamedFilesReportsProgressAndKeepsNoArchive()
    {
        var archive = Cifar100Archive();
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = archive });
        var reports = new List<FetchProgress>();

        var result = await Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path, new ListProgress(reports));

        Assert.Equal(Train, File.ReadAllBytes(_dir.File("train.bin")));
        Assert.Equal(Test, File.ReadAllBytes(_dir.File("test.bin")));
        Assert.Equal(["test.bin", "train.bin"], _dir.AllFiles());
        Assert.Equal(server.Url("a.tar.gz").AbsoluteUri, result.FetchedFrom["train.bin"]);
        Assert.Contains(reports, r => r.Message is null && r.BytesDone == archive.Length && r.BytesTotal == archive.Length);
        Assert.Contains(reports, r => r.Message == "SHA-256 verified");
    }

    [Fact]
    public async Task FetchAsync_BytesWithAnotherHash_ThrowsNamingHashesFilesDirectoryAndSourceAndLeavesNothing()
    {
        var archive = Cifar100Archive();
        var tampered = (byte[])archive.Clone();
        tampered[^1] ^= 0xFF;
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = tampered });

        var e = await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path));

        Assert.Contains($"has SHA-256 {TestArchives.Sha256(tampered)}, expected {TestArchives.Sha256(archive)}", e.Message, StringComparison.Ordinal);
        Assert.Equal(["train.bin", "test.bin"], e.MissingFiles);
        Assert.Contains(_dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"download cifar-100-binary.tar.gz yourself from {server.Url("a.tar.gz")}", e.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.AllFiles());
    }

    [Fact]
    public async Task FetchAsync_PartialDownloadLeftBehind_AsksOnlyForTheRestAndCompletes()
    {
        var archive = Cifar100Archive();
        int half = archive.Length / 2;
        File.WriteAllBytes(_dir.File("cifar-100-binary.tar.gz.part"), archive[..half]);
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = archive });
        var reports = new List<FetchProgress>();

        await Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path, new ListProgress(reports));

        var request = Assert.Single(server.Requests);
        Assert.Equal($"bytes={half}-", request.Range);
        Assert.Equal(206, request.Status);
        Assert.Equal(archive.Length - half, request.Sent);
        Assert.Equal(Train, File.ReadAllBytes(_dir.File("train.bin")));
        Assert.Contains(reports, r => r.Message == $"resuming a partial download at {half} bytes");
    }

    [Fact]
    public async Task FetchAsync_DownloadStalledThenFetchedAgain_SecondFetchResumesWhereTheFirstStopped()
    {
        var archive = Cifar100Archive();
        int cut = archive.Length / 2;
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = archive }, cutAfter: cut);
        var stalling = new ArchiveFetcher("cifar100", ArchiveAt([server.Url("a.tar.gz")], archive)) { StallTimeout = TimeSpan.FromSeconds(1) };

        var e = await Assert.ThrowsAsync<DataFetchException>(() => stalling.FetchAsync(_dir.Path));
        long kept = new FileInfo(_dir.File("cifar-100-binary.tar.gz.part")).Length;
        server.Release();
        await Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path);

        Assert.Contains($"no data arrived", e.Message, StringComparison.Ordinal);
        Assert.Equal(cut, kept);
        Assert.Equal($"bytes={cut}-", server.Requests[^1].Range);
        Assert.Equal(archive.Length - cut, server.Requests[^1].Sent);
        Assert.Equal(Test, File.ReadAllBytes(_dir.File("test.bin")));
        Assert.False(File.Exists(_dir.File("cifar-100-binary.tar.gz.part")));
    }

    [Fact]
    public async Task FetchAsync_ServerIgnoresRanges_StartsOverAndCompletes()
    {
        var archive = Cifar100Archive();
        File.WriteAllBytes(_dir.File("cifar-100-binary.tar.gz.part"), new byte[300]);
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = archive }, acceptRanges: false);

        await Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path);

        Assert.Equal((200, (long)archive.Length), (server.Requests[0].Status, server.Requests[0].Sent));
        Assert.Equal(Train, File.ReadAllBytes(_dir.File("train.bin")));
    }

    [Fact]
    public async Task FetchAsync_FirstSourceMissing_TakesTheSecondAndRecordsTheFirstFailure()
    {
        var archive = Cifar100Archive();
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["mirror/a.tar.gz"] = archive });

        var result = await Fetcher(ArchiveAt([server.Url("gone/a.tar.gz"), server.Url("mirror/a.tar.gz")], archive)).FetchAsync(_dir.Path);

        Assert.Equal(server.Url("mirror/a.tar.gz").AbsoluteUri, result.FetchedFrom["test.bin"]);
        Assert.Contains("HTTP 404", Assert.Single(result.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FilesAlreadyPresent_SendsNoRequest()
    {
        File.WriteAllBytes(_dir.File("train.bin"), Train);
        File.WriteAllBytes(_dir.File("test.bin"), Test);
        await using var server = new LoopbackServer(new Dictionary<string, byte[]>());

        var result = await Fetcher(ArchiveAt([server.Url("a.tar.gz")], [1, 2, 3])).FetchAsync(_dir.Path);

        Assert.Empty(server.Requests);
        Assert.Equal(["train.bin", "test.bin"], result.AlreadyPresent);
        Assert.False(result.PresentFilesVerified);
    }

    [Fact]
    public async Task FetchAsync_ArchiveWithoutAWantedFile_ThrowsNamingIt()
    {
        var archive = TestArchives.TarGz(("cifar-100-binary/train.bin", Train));
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["a.tar.gz"] = archive });

        var e = await Assert.ThrowsAsync<DataFetchException>(() => Fetcher(ArchiveAt([server.Url("a.tar.gz")], archive)).FetchAsync(_dir.Path));

        Assert.Equal(["test.bin"], e.MissingFiles);
        Assert.Contains("the archive holds no test.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FemnistTarBz2_ExtractsH5FilesTheCatalogThenLoads()
    {
        string made = Path.Combine(_dir.Path, "made");
        FemnistWriter.WriteSplit(made, writerCount: 3);
        var archive = TestArchives.TarBz2(
            ("fed_emnist_train.h5", File.ReadAllBytes(Path.Combine(made, "fed_emnist_train.h5"))),
            ("fed_emnist_test.h5", File.ReadAllBytes(Path.Combine(made, "fed_emnist_test.h5"))));
        await using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["fed_emnist.tar.bz2"] = archive });
        var pinned = DatasetArchives.Femnist with { Sources = [server.Url("fed_emnist.tar.bz2")], Sha256 = TestArchives.Sha256(archive) };
        var fetcher = new DatasetFetcher(name => name == DatasetCatalog.Femnist ? new ArchiveFetcher(name, pinned) : null);
        string dataDir = Path.Combine(_dir.Path, "data");

        var split = await DatasetCatalog.LoadAsync("femnist", dataDir, fetcher, clientCount: 2);

        Assert.Equal(2, split.TrainClients!.Count);
        Assert.Equal(3, split.Test.Count);
        Assert.True(DatasetCatalog.IsPresent("femnist", dataDir));
    }
}
