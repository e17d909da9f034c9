using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.Grid;

public sealed class RunHistoryTests : IDisposable
{
    private static readonly DateTime T0 = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Read_NoHistory_Empty() => Assert.Empty(RunHistory.Read(_dir.Path));

    [Fact]
    public void Append_TwoEntries_ReadBackInOrder()
    {
        RunHistory.Append(_dir.Path, new RunHistoryEntry(T0, 41, RunEvent.Started));
        RunHistory.Append(_dir.Path, new RunHistoryEntry(T0.AddSeconds(2), 41, RunEvent.Completed));

        Assert.Equal([new RunHistoryEntry(T0, 41, RunEvent.Started), new RunHistoryEntry(T0.AddSeconds(2), 41, RunEvent.Completed)], RunHistory.Read(_dir.Path));
        Assert.StartsWith("2025-06-01T12:00:00.0000000Z 41 started", File.ReadAllText(_dir.File(RunHistory.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Append_NoEntryGiven_ThisProcessNow()
    {
        RunHistory.Append(_dir.Path, RunEvent.Wiped);

        var entry = Assert.Single(RunHistory.Read(_dir.Path));
        Assert.Equal(Environment.ProcessId, entry.Pid);
        Assert.Equal(RunEvent.Wiped, entry.Event);
    }

    [Fact]
    public void LastCompletedRun_StartedThenCompleted_ThatRun()
    {
        var history = History((1, RunEvent.Started), (1, RunEvent.Orphaned), (9, RunEvent.Wiped), (2, RunEvent.Started), (2, RunEvent.Completed));

        var run = RunHistory.LastCompletedRun(history);

        Assert.Equal(history[3], run?.Started);
        Assert.Equal(history[4], run?.Completed);
    }

    [Fact]
    public void LastCompletedRun_LastRunOrphaned_Null() =>
        Assert.Null(RunHistory.LastCompletedRun(History((1, RunEvent.Started), (1, RunEvent.Completed), (9, RunEvent.Wiped), (2, RunEvent.Started), (2, RunEvent.Orphaned))));

    [Fact]
    public void LastCompletedRun_CompletedAndAdopted_Null() =>
        Assert.Null(RunHistory.LastCompletedRun(History((1, RunEvent.Started), (1, RunEvent.Completed), (9, RunEvent.Adopted))));

    [Fact]
    public void LastCompletedRun_StartedOnly_Null() => Assert.Null(RunHistory.LastCompletedRun(History((1, RunEvent.Started))));

    [Fact]
    public void LastUnendedRun_StartedWithoutEnd_ItsProcess() =>
        Assert.Equal(2, RunHistory.LastUnendedRun(History((1, RunEvent.Started), (1, RunEvent.Failed), (2, RunEvent.Started))));

    [Fact]
    public void LastUnendedRun_Ended_Null() => Assert.Null(RunHistory.LastUnendedRun(History((1, RunEvent.Started), (1, RunEvent.Failed))));

    public void Dispose() => _dir.Dispose();

    private static RunHistoryEntry[] History(params (int Pid, RunEvent Event)[] events) =>
        events.Select((e, i) => new RunHistoryEntry(T0.AddSeconds(i), e.Pid, e.Event)).ToArray();
}
