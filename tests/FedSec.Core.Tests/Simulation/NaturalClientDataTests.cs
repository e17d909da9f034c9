using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

/// <summary>A data set with its own clients is split by them (<see cref="ExperimentDataBuilder"/> hands it to NaturalClientData).</summary>
public class NaturalClientDataTests
{
    /// <summary>Three writers holding 2, 3 and 4 samples; pixel value i/9 marks sample i.</summary>
    private static DatasetSplit Split()
    {
        var pixels = Enumerable.Range(0, 9).Select(i => i / 9f).ToArray();
        var train = new ImageSet(pixels, [0, 1, 2, 3, 4, 5, 6, 7, 8], 1, 1, 1, 10);
        var test = new ImageSet([0.5f, 0.25f, 0.125f], [3, 4, 5], 1, 1, 1, 10);
        return new DatasetSplit(train, test, new DatasetInfo("toy", 1, 1, 1, 10, [0f], [1f]))
        {
            TrainClients = NaturalClients.Consecutive(["a", "b", "c"], [2, 3, 4]),
        };
    }

    private static int[] Ids(ImageSet set) => set.Pixels.Select(p => (int)Math.Round(p * 9)).ToArray();

    [Theory]
    [InlineData(PartitionMethod.Homo)]
    [InlineData(PartitionMethod.Hetero)]
    public void Build_NaturalClients_EachClientGetsItsWritersSamplesWhateverThePartitionMethod(PartitionMethod method)
    {
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, PartitionMethod = method };

        var data = ExperimentDataBuilder.Build(config, Split());

        Assert.Equal([[0, 1], [2, 3, 4], [5, 6, 7, 8]], data.Clients.Select(c => Ids((ImageSet)c)).ToArray());
        Assert.Equal(3, data.Test.Count);
    }

    [Fact]
    public void Build_FewerClientsThanWriters_TakesTheFirstWriters()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 2, ClientNumPerRound = 2 };

        var data = ExperimentDataBuilder.Build(config, Split());

        Assert.Equal([[0, 1], [2, 3, 4]], data.Clients.Select(c => Ids((ImageSet)c)).ToArray());
    }

    [Fact]
    public void Build_MoreClientsThanWriters_ThrowsNamingClientNumInTotal()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 4, ClientNumPerRound = 4 };

        var e = Assert.Throws<ConfigException>(() => ExperimentDataBuilder.Build(config, Split()));

        Assert.Equal("train_args.client_num_in_total", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Build_TrainSamplesSet_ThrowsSayingToChooseFewerClients()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, TrainSamples = 5 };

        var e = Assert.Throws<ConfigException>(() => ExperimentDataBuilder.Build(config, Split()));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("data_args.train_samples", problem.Key);
        Assert.Contains("client_num_in_total", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ServerRootSet_HeldOutOfTheWritersSamples()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, RandomSeed = 4 };

        var data = ExperimentDataBuilder.Build(config, Split(), serverRootSize: 2);

        var root = Ids(data.ServerRoot!);
        var clients = data.Clients.SelectMany(c => Ids((ImageSet)c)).ToArray();
        Assert.Equal(2, root.Length);
        Assert.Empty(root.Intersect(clients));
        Assert.Equal(Enumerable.Range(0, 9), root.Concat(clients).Order());
    }
}
