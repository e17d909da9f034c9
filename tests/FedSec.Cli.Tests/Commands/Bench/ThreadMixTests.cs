using FedSec.Cli.Commands.Bench;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class ThreadMixTests
{
    [Fact]
    public void Warning_EveryRecordedRunOnThisBenchsCount_None()
    {
        Assert.Null(ThreadMix.Warning(new Dictionary<int, int> { [1] = 12 }, 1));
        Assert.Null(ThreadMix.Warning(new Dictionary<int, int>(), 2));
    }

    [Fact]
    public void Warning_RunsOnOtherCounts_NamesEachCountAndThisBenchs()
    {
        string? warning = ThreadMix.Warning(new Dictionary<int, int> { [4] = 1, [1] = 12, [2] = 3 }, 1);

        Assert.Equal("stored runs ran on other tensor thread counts (3 with --threads 2, 1 with --threads 4) than this bench's --threads 1: the numbers depend on it and the run key does not, so the grid mixes settings. Give every share and every resume the same --threads.", warning);
    }
}
