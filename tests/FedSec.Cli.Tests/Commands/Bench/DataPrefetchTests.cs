using FedSec.Cli.Commands.Bench;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Configuration;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class DataPrefetchTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Missing_MnistAbsentForTwoRuns_ListedOnceWithItsDirectory()
    {
        var missing = DataPrefetch.Missing([new ExperimentConfig { Dataset = "mnist", RandomSeed = 0 }, new ExperimentConfig { Dataset = "MNIST", RandomSeed = 1 }], _dir.Path);

        Assert.Equal(("mnist", _dir.Path), Assert.Single(missing));
    }

    [Fact]
    public void Missing_MnistPresent_Nothing()
    {
        TinyMnist.Write(_dir.Path, train: 10, test: 10);

        Assert.Empty(DataPrefetch.Missing([new ExperimentConfig { Dataset = "mnist" }], _dir.Path));
    }

    [Fact]
    public void Missing_Cifar10Absent_NothingSinceItIsNeverFetched() =>
        Assert.Empty(DataPrefetch.Missing([new ExperimentConfig { Dataset = "cifar10" }], _dir.Path));

    [Fact]
    public void Unavailable_Cifar10Absent_ListedOnceWithItsDirectory()
    {
        var absent = DataPrefetch.Unavailable([new ExperimentConfig { Dataset = "CIFAR10", RandomSeed = 0 }, new ExperimentConfig { Dataset = "cifar10", RandomSeed = 1 }], _dir.Path);

        Assert.Equal([("cifar10", _dir.Path)], absent);
    }

    [Fact]
    public void Unavailable_FetchedOrPresentDataSets_Nothing()
    {
        TinyMnist.Write(_dir.Path, train: 10, test: 10);

        Assert.Empty(DataPrefetch.Unavailable([new ExperimentConfig { Dataset = "mnist" }, new ExperimentConfig { Dataset = "fashion_mnist" }, new ExperimentConfig { Dataset = "femnist" }], _dir.Path));
    }

    [Fact]
    public void Missing_TextCorpusAbsent_ListedUnderItsCanonicalName()
    {
        var missing = DataPrefetch.Missing([new ExperimentConfig { Dataset = "SOTU", RandomSeed = 0 }, new ExperimentConfig { Dataset = "sotu", RandomSeed = 1 }], _dir.Path);

        Assert.Equal(("sotu", _dir.Path), Assert.Single(missing));
        Assert.True(DataPrefetch.IsText("sotu"));
        Assert.False(DataPrefetch.IsText("mnist"));
    }

    [Fact]
    public void Missing_UnknownDataSet_LeftToTheRunsConfigError() =>
        Assert.Empty(DataPrefetch.Missing([new ExperimentConfig { Dataset = "imagenet" }], _dir.Path));

    [Fact]
    public void Missing_DataCacheDirOfTheRun_UsedWithoutAnOverride()
    {
        string own = _dir.File("own");

        var missing = DataPrefetch.Missing([new ExperimentConfig { Dataset = "mnist", DataCacheDir = own }], dataDirOverride: null);

        Assert.Equal(("mnist", own), Assert.Single(missing));
    }

    public void Dispose() => _dir.Dispose();
}
