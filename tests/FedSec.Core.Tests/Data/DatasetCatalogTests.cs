using FedSec.Data;

namespace FedSec.Core.Tests.Data;

public sealed class DatasetCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Info_EachDataset_HasShapeClassesAndPublishedNormalization()
    {
        var mnist = DatasetCatalog.Info("mnist");
        var fashion = DatasetCatalog.Info("fashion_mnist");
        var cifar = DatasetCatalog.Info("cifar10");

        Assert.Equal((1, 28, 28, 10), (mnist.Channels, mnist.Height, mnist.Width, mnist.ClassCount));
        Assert.Equal([0.1307f], mnist.Mean);
        Assert.Equal([0.3081f], mnist.Std);
        Assert.Equal([0.2860f], fashion.Mean);
        Assert.Equal([0.3530f], fashion.Std);
        Assert.Equal((3, 32, 32, 10), (cifar.Channels, cifar.Height, cifar.Width, cifar.ClassCount));
        Assert.Equal([0.4914f, 0.4822f, 0.4465f], cifar.Mean);
        Assert.Equal([0.2470f, 0.2435f, 0.2616f], cifar.Std);
    }

    [Theory]
    [InlineData("MNIST", "mnist")]
    [InlineData("Fashion-MNIST", "fashion_mnist")]
    [InlineData("fashionmnist", "fashion_mnist")]
    [InlineData("CIFAR-10", "cifar10")]
    public void CanonicalName_Variants_MapToCatalogName(string given, string expected)
    {
        Assert.Equal(expected, DatasetCatalog.CanonicalName(given));
    }

    [Fact]
    public void Info_UnknownName_ThrowsListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Info("svhn"));

        Assert.Contains("'svhn'", e.Message, StringComparison.Ordinal);
        Assert.Contains("mnist, fashion_mnist, cifar10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MnistFilesPresent_LoadsTrainAndTest()
    {
        WriteIdxSet(Path.Combine(_dir.Path, "mnist"), gzipTrain: true);

        var split = await DatasetCatalog.LoadAsync("mnist", _dir.Path);

        Assert.Equal([3, 7], split.Train.Labels);
        Assert.Equal([5], split.Test.Labels);
        Assert.Equal(1f, split.Train.Image(1)[0]);
        Assert.Equal("mnist", split.Info.Name);
    }

    [Fact]
    public async Task LoadAsync_MnistMissingAndNoFetch_ThrowsSayingWhereAndHowToFetch()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("mnist", _dir.Path));

        Assert.Contains(Path.Combine(_dir.Path, "mnist"), e.Message, StringComparison.Ordinal);
        Assert.Contains("fedsec data fetch mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("train-images-idx3-ubyte", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("fashion_mnist")]
    public async Task LoadAsync_IdxDataSetMissingWithFetcher_FetchesThroughFetcherThenLoads(string dataset)
    {
        var fetcher = new WritingFetcher(dir => WriteIdxSet(dir, gzipTrain: false));
        string dataDir = Path.Combine(_dir.Path, "data");

        var split = await DatasetCatalog.LoadAsync(dataset, dataDir, fetcher);

        Assert.Equal([dataset], fetcher.Fetched);
        Assert.Equal(2, split.Train.Count);
        Assert.True(DatasetCatalog.IsPresent(dataset, dataDir));
    }

    [Fact]
    public async Task LoadAsync_FashionMissingAndNoFetch_ThrowsSayingWhereToPutFilesAndHowToFetch()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("fashion_mnist", _dir.Path));

        Assert.Contains(Path.Combine(_dir.Path, "fashion_mnist"), e.Message, StringComparison.Ordinal);
        Assert.Contains("fedsec data fetch fashion_mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message, StringComparison.Ordinal);
        Assert.Contains("--npm-split", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ImagesOfWrongSize_ThrowsNamingFileAndShape()
    {
        string dir = Path.Combine(_dir.Path, "fashion_mnist");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte"), IdxWriter.Images(1, 2, 2, new byte[4]));
        File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte"), IdxWriter.Labels([0]));
        File.WriteAllBytes(Path.Combine(dir, "t10k-images-idx3-ubyte"), IdxWriter.Images(1, 2, 2, new byte[4]));
        File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), IdxWriter.Labels([0]));

        var e = await Assert.ThrowsAsync<DataFormatException>(() => DatasetCatalog.LoadAsync("fashion_mnist", _dir.Path));

        Assert.Equal(Path.Combine(dir, "train-images-idx3-ubyte"), e.Path);
        Assert.Contains("2×2", e.Problem, StringComparison.Ordinal);
        Assert.Contains("28×28", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_Cifar10InNestedDirectory_LoadsBothSplits()
    {
        string dir = Path.Combine(_dir.Path, "cifar10", "cifar-10-batches-bin");
        Directory.CreateDirectory(dir);
        foreach (string f in Cifar10Reader.TrainFileNames)
        {
            File.WriteAllBytes(Path.Combine(dir, f), new byte[3073 * 2]);
        }

        File.WriteAllBytes(Path.Combine(dir, "test_batch.bin"), new byte[3073]);

        var split = await DatasetCatalog.LoadAsync("cifar10", _dir.Path);

        Assert.Equal(10, split.Train.Count);
        Assert.Equal(1, split.Test.Count);
        Assert.Equal(3, split.Train.Channels);
    }

    [Fact]
    public async Task LoadAsync_Cifar10Missing_ThrowsSayingUserMustDownload()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("cifar10", _dir.Path));

        Assert.Contains(Path.Combine(_dir.Path, "cifar10", "cifar-10-batches-bin"), e.Message, StringComparison.Ordinal);
        Assert.Contains("does not download CIFAR-10", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Two 28×28 training images (labels 3, 7; the second all white) and one test image (label 5).</summary>
    private static void WriteIdxSet(string dir, bool gzipTrain)
    {
        Directory.CreateDirectory(dir);
        byte[] trainPixels = new byte[2 * 784];
        Array.Fill(trainPixels, (byte)255, 784, 784);
        byte[] trainImages = IdxWriter.Images(2, 28, 28, trainPixels);
        byte[] trainLabels = IdxWriter.Labels([3, 7]);
        if (gzipTrain)
        {
            File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte.gz"), IdxWriter.Gzip(trainImages));
            File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte.gz"), IdxWriter.Gzip(trainLabels));
        }
        else
        {
            File.WriteAllBytes(Path.Combine(dir, "train-images-idx3-ubyte"), trainImages);
            File.WriteAllBytes(Path.Combine(dir, "train-labels-idx1-ubyte"), trainLabels);
        }

        File.WriteAllBytes(Path.Combine(dir, "t10k-images-idx3-ubyte"), IdxWriter.Images(1, 28, 28, new byte[784]));
        File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), IdxWriter.Labels([5]));
    }
}
