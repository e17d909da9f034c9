using FedSec.Cli.Commands.Client;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Npy;

namespace FedSec.Cli.Tests.Commands.Client;

public sealed class LocalSiloTests : IDisposable
{
    private static readonly ExperimentConfig Config = new() { Dataset = "mnist", ClientNumInTotal = 10, ClientNumPerRound = 10, PartitionMethod = PartitionMethod.Homo, RandomSeed = 4 };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteIdx(int count)
    {
        var pixels = new byte[count * 28 * 28];
        new Random(1).NextBytes(pixels);
        File.WriteAllBytes(_dir.File(MnistFiles.TrainImages), IdxWriter.Images(count, 28, 28, pixels));
        File.WriteAllBytes(_dir.File(MnistFiles.TrainLabels), IdxWriter.Labels(Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray()));
    }

    [Fact]
    public void Load_TwoHostedClients_SplitsTheSiloBetweenThemAndLeavesTheOthersEmpty()
    {
        WriteIdx(40);
        var data = LocalSilo.Load(_dir.Path, Config, [2, 5]);
        Assert.Equal(10, data.Clients.Count);
        Assert.Equal(40, data.Clients[2].Count + data.Clients[5].Count);
        Assert.True(data.Clients[2].Count > 0 && data.Clients[5].Count > 0);
        Assert.All(Enumerable.Range(0, 10).Except([2, 5]), c => Assert.Equal(0, data.Clients[c].Count));
    }

    [Fact]
    public void Load_OneHostedClient_TrainsOnTheWholeSilo()
    {
        WriteIdx(25);
        Assert.Equal(25, LocalSilo.Load(_dir.Path, Config, [7]).Clients[7].Count);
    }

    [Fact]
    public void Read_NpyPair_ImagesAndLabels()
    {
        var x = Enumerable.Range(0, 3 * 784).Select(i => (i % 256) / 255f).ToArray();
        NpyFile.Write(_dir.File("x.npy"), x, 3, 784);
        NpyFile.Write(_dir.File("y.npy"), [4f, 0f, 9f], 3);
        var set = LocalSilo.Read(_dir.Path, DatasetCatalog.Info("mnist"));
        Assert.Equal(new[] { 4, 0, 9 }, set.Labels);
        Assert.Equal(x, set.Pixels);
    }

    [Fact]
    public void Read_EmptyDirectory_SaysWhichFilesBelongThere()
    {
        var error = Assert.Throws<DataFormatException>(() => LocalSilo.Read(_dir.Path, DatasetCatalog.Info("mnist")));
        Assert.Contains("it holds no training set: put train-images-idx3-ubyte and train-labels-idx1-ubyte (IDX, optionally .gz) or x.npy and y.npy there.", error.Message, StringComparison.Ordinal);
    }
}
