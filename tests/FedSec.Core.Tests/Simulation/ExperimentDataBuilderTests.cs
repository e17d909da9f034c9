using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class ExperimentDataBuilderTests
{
    private static DatasetSplit Split(int n)
    {
        // Pixel value i/n marks sample i, so the tests can tell which sample landed where.
        var pixels = Enumerable.Range(0, n).Select(i => (float)i / n).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        var train = new ImageSet(pixels, labels, 1, 1, 1, 10);
        var test = new ImageSet(new float[] { 0.5f, 0.25f }, new[] { 3, 4 }, 1, 1, 1, 10);
        return new DatasetSplit(train, test, new DatasetInfo("toy", 1, 1, 1, 10, new[] { 0f }, new[] { 1f }));
    }

    private static int[] Ids(ImageSet set, int n) => set.Pixels.Select(p => (int)Math.Round(p * n)).ToArray();

    [Theory]
    [InlineData(PartitionMethod.Homo)]
    [InlineData(PartitionMethod.Hetero)]
    [InlineData(PartitionMethod.Shards)]
    public void Build_AnyPartition_EveryTrainingSampleGoesToExactlyOneClient(PartitionMethod method)
    {
        var config = new ExperimentConfig { ClientNumInTotal = 5, PartitionMethod = method, PartitionAlpha = 0.5 };
        var data = ExperimentDataBuilder.Build(config, Split(1000));
        var all = data.Clients.SelectMany(c => Ids((ImageSet)c, 1000)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 1000), all);
        Assert.Equal(5, data.Clients.Count);
    }

    [Fact]
    public void Build_ServerRootSet_HeldOutFromClientsAndTestSetKeptWhole()
    {
        var split = Split(1000);
        var config = new ExperimentConfig { ClientNumInTotal = 4, PartitionMethod = PartitionMethod.Homo };
        var data = ExperimentDataBuilder.Build(config, split, serverRootSize: 50);
        var root = Ids(data.ServerRoot!, 1000);
        var clients = data.Clients.SelectMany(c => Ids((ImageSet)c, 1000)).ToArray();
        Assert.Equal(50, root.Length);
        Assert.Empty(root.Intersect(clients));
        Assert.Equal(1000, root.Length + clients.Length);
        Assert.Same(split.Test, data.Test);
    }

    [Fact]
    public void Build_SameSeed_SamePartition()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 5, RandomSeed = 9 };
        var a = ExperimentDataBuilder.Build(config, Split(500));
        var b = ExperimentDataBuilder.Build(config, Split(500));
        Assert.Equal(a.Clients.Select(c => Ids((ImageSet)c, 500)), b.Clients.Select(c => Ids((ImageSet)c, 500)));
    }
}
