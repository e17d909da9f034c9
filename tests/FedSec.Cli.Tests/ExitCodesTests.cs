using FedSec.Cli.Commands;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Npy;
using FedSec.Simulation;

namespace FedSec.Cli.Tests;

public sealed class ExitCodesTests
{
    [Fact]
    public void For_UsageException_Is2() => Assert.Equal(2, ExitCodes.For(new UsageException("bad")));

    [Fact]
    public void For_ConfigException_Is3() => Assert.Equal(3, ExitCodes.For(new ConfigException("train_args.comm_round", "bad")));

    [Fact]
    public void For_DataAndFileErrors_Are4()
    {
        Assert.Equal(4, ExitCodes.For(new DataFormatException("x.idx", "bad")));
        Assert.Equal(4, ExitCodes.For(new InvalidUpdateException("bad")));
        Assert.Equal(4, ExitCodes.For(new FileNotFoundException("gone")));
        Assert.Equal(4, ExitCodes.For(new NpyFormatException("x.npy", "bad")));
        Assert.Equal(4, ExitCodes.For(new InvalidDataException("bad")));
    }

    [Fact]
    public void For_FetchThatFailedEverySource_Is4NotABug() =>
        Assert.Equal(4, ExitCodes.For(new FedSec.Fetch.DataFetchException("fashion_mnist", "/data/fashion_mnist", ["train-images-idx3-ubyte"], ["mirror: unreachable"])));

    [Fact]
    public void For_AnyOtherException_NullSoItIsNotCaught() => Assert.Null(ExitCodes.For(new InvalidOperationException("a bug")));
}
