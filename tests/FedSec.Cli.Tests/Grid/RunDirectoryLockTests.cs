using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.Grid;

public sealed class RunDirectoryLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void TryAcquire_NewDirectory_CreatesItAndTheLockFile()
    {
        string dir = _dir.File("run");

        using var held = RunDirectoryLock.TryAcquire(dir);

        Assert.NotNull(held);
        Assert.True(File.Exists(Path.Combine(dir, RunDirectoryLock.FileName)));
    }

    [Fact]
    public void TryAcquire_HeldByAnotherHolder_Null()
    {
        using var first = RunDirectoryLock.TryAcquire(_dir.Path);

        Assert.Null(RunDirectoryLock.TryAcquire(_dir.Path));
    }

    [Fact]
    public void TryAcquire_AfterTheHolderReleased_Succeeds()
    {
        RunDirectoryLock.TryAcquire(_dir.Path)!.Dispose();

        using var second = RunDirectoryLock.TryAcquire(_dir.Path);

        Assert.NotNull(second);
    }

    [Fact]
    public void Acquire_HeldAndNoWait_Null()
    {
        using var first = RunDirectoryLock.TryAcquire(_dir.Path);
        int told = 0;

        using var second = RunDirectoryLock.Acquire(_dir.Path, TimeSpan.Zero, CancellationToken.None, () => told++);

        Assert.Null(second);
        Assert.Equal(0, told);
    }

    [Fact]
    public void Acquire_HolderReleasesWhileWaiting_TakesItAfterSayingItWaitsOnce()
    {
        var first = RunDirectoryLock.TryAcquire(_dir.Path)!;
        int told = 0;

        using var second = RunDirectoryLock.Acquire(_dir.Path, TimeSpan.FromMinutes(1), CancellationToken.None, () =>
        {
            told++;
            first.Dispose();
        });

        Assert.NotNull(second);
        Assert.Equal(1, told);
    }

    [Fact]
    public void Acquire_CancelledWhileWaiting_Null()
    {
        using var first = RunDirectoryLock.TryAcquire(_dir.Path);
        using var cancel = new CancellationTokenSource();

        using var second = RunDirectoryLock.Acquire(_dir.Path, TimeSpan.FromMinutes(1), cancel.Token, cancel.Cancel);

        Assert.Null(second);
    }

    [Fact]
    public void Wipe_FilesAndFolders_KeepsOnlyTheLockAndTheHistory()
    {
        using var held = RunDirectoryLock.TryAcquire(_dir.Path)!;
        RunHistory.Append(_dir.Path, RunEvent.Started);
        File.WriteAllText(_dir.File("rounds.jsonl"), "{}\n");
        Directory.CreateDirectory(_dir.File("reconstructions"));
        File.WriteAllText(Path.Combine(_dir.File("reconstructions"), "r0.png"), "x");

        held.Wipe();

        Assert.Equal(new[] { RunDirectoryLock.FileName, RunHistory.FileName }.Order(), _dir.AllFiles());
        Assert.Empty(Directory.GetDirectories(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
