using FedSec.Configuration;
using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

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

    [Fact]
    public void Of_EmptyInitialModel_SameKeyAsNone_PathChangesIt()
    {
        var plain = ConfigReader.Parse("model_args: {model: cnn}\n", "test");
        var empty = ConfigReader.Parse("model_args: {model: cnn, initial_model: ''}\n", "test");
        var set = ConfigReader.Parse("model_args: {model: cnn, initial_model: runs/a/final_model.npy}\n", "test");
        Assert.Equal(RunKey.Of(plain), RunKey.Of(empty));
        Assert.NotEqual(RunKey.Of(plain), RunKey.Of(set));
    }
}
