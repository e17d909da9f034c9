using System.Text.Json;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Defenses.FoolsGold;
using FedSec.Defenses.Median;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public class DefenseMemoryTests
{
    private const int D = 12;

    private static ExperimentConfig Config(params string[] defenses) => new()
    {
        ClientNumInTotal = 5,
        ClientNumPerRound = 5,
        CommRound = 3,
        RandomSeed = 4,
        EnableDefense = defenses.Length > 0,
        DefenseTypes = defenses,
    };

    private static ExperimentData Data() =>
        new(Enumerable.Range(0, 5).Select(i => FakeBackend.Data(4 + i, i % 10)).ToArray(), FakeBackend.Data(7, 0));

    private static ExperimentResult RunFoolsGoldThenMedian() =>
        new Experiment(TestSetup.Of(Config("foolsgold", "median"), null, new FoolsGoldDefense(new FoolsGoldOptions()), new MedianDefense()), new FakeBackend(d: D), Data()).Run();

    [Fact]
    public void Run_StatefulThenStatelessDefense_EachRoundRecordsFoolsGoldsHistoriesAndZeroForTheMedian()
    {
        var result = RunFoolsGoldThenMedian();
        Assert.Equal(3, result.Rounds.Count);
        foreach (var round in result.Rounds)
        {
            var memory = round.DefenseMemory!;
            Assert.Equal(new[] { "foolsgold", "median" }, memory.Select(m => m.Name));

            // 5 clients × 12 parameters × 4 bytes of history; the median keeps nothing.
            Assert.Equal(5 * D * 4, memory[0].StateBytes);
            Assert.Equal(0, memory[1].StateBytes);

            // Both copy the updates they compare: at least one float per client and parameter allocated.
            Assert.All(memory, m => Assert.True(m.AllocatedBytes >= 5 * D * 4, $"{m.Name} allocated {m.AllocatedBytes} bytes"));
        }
    }

    [Fact]
    public void Summary_OfTheRun_FinalAndPeakStateAndPeakScratchPerDefense()
    {
        var result = RunFoolsGoldThenMedian();
        var summary = RunSummary.From(Config("foolsgold", "median"), result).DefenseMemory!;
        Assert.Equal(new[] { "foolsgold", "median" }, summary.Select(s => s.Defense));
        Assert.Equal(5 * D * 4, summary[0].FinalStateBytes);
        Assert.Equal(5 * D * 4, summary[0].PeakStateBytes);
        Assert.Equal(0, summary[1].PeakStateBytes);
        Assert.Equal(result.Rounds.Max(r => r.DefenseMemory![1].AllocatedBytes), summary[1].PeakAllocatedBytes);
    }

    [Fact]
    public void Run_NoDefense_RecordsAndSummaryHaveNoDefenseMemoryField()
    {
        var result = new Experiment(TestSetup.Of(Config(), null), new FakeBackend(d: D), Data()).Run();
        Assert.All(result.Rounds, r => Assert.Null(r.DefenseMemory));
        Assert.All(result.Rounds, r => Assert.DoesNotContain("defense_memory", JsonSerializer.Serialize(r, JsonOptions.Lines), StringComparison.Ordinal));
        Assert.DoesNotContain("defense_memory", JsonSerializer.Serialize(RunSummary.From(Config(), result), JsonOptions.Indented), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTimings_OfARecord_ZeroesSecondsAndAllocatedBytesKeepsStateBytes()
    {
        var record = RunFoolsGoldThenMedian().Rounds[^1];
        var plain = record.WithoutTimings();
        Assert.Equal(0, plain.Seconds);
        Assert.All(plain.DefenseMemory!, m => Assert.Equal(0, m.AllocatedBytes));
        Assert.Equal(record.DefenseMemory!.Select(m => m.StateBytes), plain.DefenseMemory!.Select(m => m.StateBytes));
    }
}
