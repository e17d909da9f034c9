using System.Security.Cryptography;
using FedSec.Data;

namespace FedSec.Fetch.Tests;

public sealed class DatasetFetcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void CanFetch_EachDataset_AllButCifar10()
    {
        var fetcher = new DatasetFetcher();
        Assert.True(fetcher.CanFetch("mnist"));
        Assert.True(fetcher.CanFetch("fashion_mnist"));
        Assert.True(fetcher.CanFetch("femnist"));
        Assert.True(fetcher.CanFetch("cifar100"));
        Assert.False(fetcher.CanFetch("cifar10"));
    }

    [Fact]
    public async Task FetchAsync_Cifar10_ThrowsNotSupportedWithInstructions()
    {
        var e = await Assert.ThrowsAsync<NotSupportedException>(() => new DatasetFetcher().FetchAsync("cifar10", _dir.Path));

        Assert.Contains("fetches only mnist, fashion_mnist, femnist, cifar100, stackoverflow_lr, not cifar10", e.Message, StringComparison.Ordinal);
        Assert.Contains("cifar-10-binary.tar.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MnistMissing_FetchesThroughSourcesThenLoads()
    {
        string staging = Path.Combine(_dir.Path, "served");
        Directory.CreateDirectory(staging);
        File.WriteAllBytes(Path.Combine(staging, MnistFiles.TrainImages), IdxWriter.Images(2, 28, 28, new byte[2 * 784]));
        File.WriteAllBytes(Path.Combine(staging, MnistFiles.TrainLabels), IdxWriter.Labels([3, 7]));
        File.WriteAllBytes(Path.Combine(staging, MnistFiles.TestImages), IdxWriter.Images(1, 28, 28, new byte[784]));
        File.WriteAllBytes(Path.Combine(staging, MnistFiles.TestLabels), IdxWriter.Labels([5]));
        var served = Directory.GetFiles(staging).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var hashes = served.ToDictionary(kv => kv.Key, kv => Convert.ToHexStringLower(SHA256.HashData(kv.Value)));
        var source = new FakeFetchSource("fake", served);
        var fetcher = new DatasetFetcher(name => name == DatasetCatalog.Mnist ? new DataFetcher("mnist", [source], hashes) : null);
        string dataDir = Path.Combine(_dir.Path, "data");

        var split = await DatasetCatalog.LoadAsync("mnist", dataDir, fetcher);

        Assert.Single(source.Requests);
        Assert.Equal(4, source.Requests[0].Length);
        Assert.Equal([3, 7], split.Train.Labels);
        Assert.True(DatasetCatalog.IsPresent("mnist", dataDir));
    }
}
