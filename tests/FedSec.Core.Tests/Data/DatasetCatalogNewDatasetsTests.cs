using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Core.Tests.Data;

/// <summary>The catalog's FEMNIST and CIFAR-100: layouts, natural clients, and the messages for missing files.</summary>
public sealed class DatasetCatalogNewDatasetsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Info_FemnistAndCifar100_HaveFedMLsShapesClassesAndNormalization()
    {
        var femnist = DatasetCatalog.Info("femnist");
        var cifar100 = DatasetCatalog.Info("CIFAR-100");

        Assert.Equal((1, 28, 28, 62, 3400), (femnist.Channels, femnist.Height, femnist.Width, femnist.ClassCount, femnist.NaturalClientCount));
        Assert.Equal([0f], femnist.Mean);
        Assert.Equal([1f], femnist.Std);
        Assert.Equal((3, 32, 32, 100), (cifar100.Channels, cifar100.Height, cifar100.Width, cifar100.ClassCount));
        Assert.Null(cifar100.NaturalClientCount);
        Assert.Equal([0.5071f, 0.4865f, 0.4409f], cifar100.Mean);
        Assert.Equal([0.2673f, 0.2564f, 0.2762f], cifar100.Std);
    }

    [Fact]
    public async Task LoadAsync_FemnistWithClientCount_ReadsThatManyWritersAndEveryTestWriter()
    {
        FemnistWriter.WriteSplit(Path.Combine(_dir.Path, "femnist"), writerCount: 5, perWriter: 3);

        var split = await DatasetCatalog.LoadAsync("femnist", _dir.Path, clientCount: 2);

        Assert.Equal(["w0000", "w0001"], split.TrainClients!.Names);
        Assert.Equal(6, split.Train.Count);
        Assert.Equal(5, split.Test.Count);
        Assert.Equal(62, split.Train.ClassCount);
    }

    [Fact]
    public async Task LoadAsync_FemnistFilesAtTopOfDataDirectory_FindsThemAsFedMLsDataCacheDir()
    {
        FemnistWriter.WriteSplit(_dir.Path, writerCount: 2);

        var split = await DatasetCatalog.LoadAsync("femnist", _dir.Path);

        Assert.Equal(2, split.TrainClients!.Count);
        Assert.Equal(_dir.Path, DatasetCatalog.DatasetDirectory("femnist", _dir.Path));
    }

    [Fact]
    public async Task LoadAsync_MoreClientsThanWriters_ThrowsNamingKeyFileAndLimit()
    {
        FemnistWriter.WriteSplit(Path.Combine(_dir.Path, "femnist"), writerCount: 3);

        var e = await Assert.ThrowsAsync<ConfigException>(() => DatasetCatalog.LoadAsync("femnist", _dir.Path, clientCount: 4));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("train_args.client_num_in_total", problem.Key);
        Assert.Contains("fed_emnist_train.h5", problem.Message, StringComparison.Ordinal);
        Assert.Contains("holds 3 writers", problem.Message, StringComparison.Ordinal);
        Assert.Contains("use at most 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FemnistMissingWithoutFetcher_NamesFilesDirectoryArchiveSourcesAndHash()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("femnist", _dir.Path));

        Assert.Contains("fed_emnist_train.h5, fed_emnist_test.h5", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir.Path, "femnist"), e.Message, StringComparison.Ordinal);
        Assert.Contains("fedsec data fetch femnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://storage.googleapis.com/tff-datasets-public/fed_emnist.tar.bz2", e.Message, StringComparison.Ordinal);
        Assert.Contains(DatasetArchives.Femnist.Sha256, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_Cifar100MissingWithFetcher_FetchesThenLoadsFineLabels()
    {
        var fetcher = new WritingFetcher(dir => Cifar100Writer.WriteSplit(dir, train: 4));

        var split = await DatasetCatalog.LoadAsync("cifar100", _dir.Path, fetcher);

        Assert.Equal(["cifar100"], fetcher.Fetched);
        Assert.Equal([0, 1, 2, 3], split.Train.Labels);
        Assert.Equal([5, 99], split.Test.Labels);
        Assert.Null(split.TrainClients);
    }

    [Fact]
    public async Task LoadAsync_Cifar100InArchivesDirectoryAtTop_Loads()
    {
        Cifar100Writer.WriteSplit(Path.Combine(_dir.Path, "cifar-100-binary"), train: 3);

        var split = await DatasetCatalog.LoadAsync("cifar100", _dir.Path);

        Assert.Equal(3, split.Train.Count);
    }

    [Fact]
    public async Task LoadAsync_Cifar100Missing_NamesTorontoArchiveAndWhereTheFilesGo()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("cifar100", _dir.Path));

        Assert.Contains("train.bin, test.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir.Path, "cifar100", "cifar-100-binary"), e.Message, StringComparison.Ordinal);
        Assert.Contains("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("femnist", true)]
    [InlineData("cifar100", true)]
    [InlineData("mnist", true)]
    [InlineData("fashion_mnist", true)]
    [InlineData("cifar10", false)]
    public void FetchesImplicitly_EachDataset_OfficialSourcesOnly(string name, bool expected)
    {
        Assert.Equal(expected, DatasetCatalog.FetchesImplicitly(name));
    }
}
