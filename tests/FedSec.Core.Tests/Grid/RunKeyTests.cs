using FedSec.Configuration;
using FedSec.Grid;

namespace FedSec.Core.Tests.Grid;

public class RunKeyTests
{
    private static string Key(string yaml) => RunKey.Of(ConfigReader.Parse(yaml, "x.yaml"));

    [Fact]
    public void Of_SameEntriesInAnotherOrder_SameKey()
    {
        Assert.Equal(
            Key("train_args:\n  comm_round: 3\n  learning_rate: 0.1\n"),
            Key("train_args:\n  learning_rate: 0.1\n  comm_round: 3\n"));
    }

    [Fact]
    public void Of_EngineDefaultWrittenOrLeftOut_SameKey()
    {
        Assert.Equal(Key("train_args:\n  comm_round: 3\n"), Key("train_args:\n  comm_round: 3\n  batch_size: 32\n"));
    }

    [Fact]
    public void Of_DifferentSeedOrValue_DifferentKey()
    {
        string a = Key("common_args:\n  random_seed: 0\n");
        Assert.NotEqual(a, Key("common_args:\n  random_seed: 1\n"));
        Assert.NotEqual(a, Key("common_args:\n  random_seed: 0\ntrain_args:\n  comm_round: 4\n"));
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Of_DataCacheDir_NotPartOfTheKey()
    {
        Assert.Equal(Key("train_args:\n  comm_round: 3\n"), Key("train_args:\n  comm_round: 3\ndata_args:\n  data_cache_dir: /elsewhere\n"));
    }
}
