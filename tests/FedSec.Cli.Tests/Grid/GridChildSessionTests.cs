using System.IO.Pipes;
using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.Grid;

public sealed class GridChildSessionTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AnonymousPipeServerStream _bench = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _stdin;
    private readonly ManualResetEventSlim _ended = new();

    public GridChildSessionTests() => _stdin = new AnonymousPipeClientStream(PipeDirection.In, _bench.ClientSafePipeHandle);

    [Fact]
    public void Enter_FreeDirectory_HoldsItsLockAndRecordsStarted()
    {
        using var session = Enter();

        Assert.Null(RunDirectoryLock.TryAcquire(_dir.Path));
        var entry = Assert.Single(RunHistory.Read(_dir.Path));
        Assert.Equal((Environment.ProcessId, RunEvent.Started), (entry.Pid, entry.Event));
    }

    [Fact]
    public void Complete_ThenDispose_RecordsCompletedOnceAndReleasesTheLock()
    {
        using (var session = Enter())
        {
            session.Complete();
        }

        Assert.Equal([RunEvent.Started, RunEvent.Completed], RunHistory.Read(_dir.Path).Select(e => e.Event));
        using var next = RunDirectoryLock.TryAcquire(_dir.Path);
        Assert.NotNull(next);
    }

    [Fact]
    public void Dispose_WithoutComplete_RecordsFailed()
    {
        Enter().Dispose();

        Assert.Equal([RunEvent.Started, RunEvent.Failed], RunHistory.Read(_dir.Path).Select(e => e.Event));
    }

    [Fact]
    public void BenchEnds_WhileRunning_RecordsOrphanedAndEndsTheProcess()
    {
        using var session = Enter();

        _bench.Dispose();

        Assert.True(_ended.Wait(TimeSpan.FromMinutes(1)), "The session did not end the process when its bench ended.");
        Assert.Equal([RunEvent.Started, RunEvent.Orphaned], RunHistory.Read(_dir.Path).Select(e => e.Event));
    }

    [Fact]
    public void Enter_DirectoryHeldByAnotherProcess_ThrowsNamingTheLockAndRecordsNothing()
    {
        using var other = RunDirectoryLock.TryAcquire(_dir.Path);

        var e = Assert.Throws<IOException>(() => GridChildSession.Enter(_dir.Path, _stdin, _ended.Set, TimeSpan.Zero));

        Assert.Contains(RunDirectoryLock.FileName, e.Message, StringComparison.Ordinal);
        Assert.Empty(RunHistory.Read(_dir.Path));
    }

    public void Dispose()
    {
        // The write end first: the lifeline's read returns, so the read end is not closed under a blocked reader.
        _bench.Dispose();
        _stdin.Dispose();
        _ended.Dispose();
        _dir.Dispose();
    }

    private GridChildSession Enter() => GridChildSession.Enter(_dir.Path, _stdin, _ended.Set, TimeSpan.Zero);
}
