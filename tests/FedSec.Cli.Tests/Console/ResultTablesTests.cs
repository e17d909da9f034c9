using FedSec.Cli.Console;
using FedSec.Output;

namespace FedSec.Cli.Tests.Console;

public sealed class ResultTablesTests
{
    [Fact]
    public void MemoryLine_FoolsGoldOnTheCnn_StateAndScratchInBinaryUnits()
    {
        // 10 clients × 1 199 882 parameters × 4 bytes = 47 995 280 bytes = 45.8 MiB.
        var line = ResultTables.MemoryLine(new DefenseMemorySummary("foolsgold", 47_995_280, 47_995_280, 52_812_704));
        Assert.Equal("foolsgold: keeps 45.8 MiB across rounds (at most 45.8 MiB), scratch up to 50.4 MiB a round", line);
    }

    [Fact]
    public void MemoryLine_StatelessDefense_KeepsZeroBytes()
    {
        Assert.StartsWith("krum: keeps 0 B across rounds", ResultTables.MemoryLine(new DefenseMemorySummary("krum", 0, 0, 466_864)), StringComparison.Ordinal);
    }
}
