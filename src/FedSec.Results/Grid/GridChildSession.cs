namespace FedSec.Results.Grid;

/// <summary>
/// The life of a <c>fedsec run</c> that a bench started (<see cref="ChildProcessLauncher"/>), seen from the child: it
/// holds its run directory's <see cref="RunDirectoryLock"/> from start to exit, records <see cref="RunEvent.Started"/>,
/// then <see cref="RunEvent.Completed"/> or <see cref="RunEvent.Failed"/> in <see cref="RunHistory"/>, and when its bench
/// is gone (<see cref="ParentLifeline"/>) records <see cref="RunEvent.Orphaned"/> and ends the process at once, so that
/// no orphan keeps writing into a directory the next bench will redo.
/// </summary>
/// <remarks>
/// The lifeline is watched before the lock is taken: a child whose bench died while it was still starting ends without
/// touching the directory. And the child waits a little for the lock instead of failing at once, since its holder can
/// be such an orphan that took it a moment earlier and is ending now.
/// </remarks>
internal sealed class GridChildSession : IDisposable
{
    private readonly string _directory;
    private readonly Action _endProcess;
    private readonly object _gate = new();
    private RunDirectoryLock? _lock;
    private bool _parentGone;
    private bool _ended;

    private GridChildSession(string directory, Action endProcess)
    {
        _directory = directory;
        _endProcess = endProcess;
    }

    /// <summary>The run directory.</summary>
    public string Directory => _directory;

    /// <summary>
    /// Watches <paramref name="parentInput"/> (the child's standard input), then takes <paramref name="runDirectory"/>'s
    /// lock, waiting up to <paramref name="lockWait"/> for a previous holder to end; <paramref name="endProcess"/> ends
    /// the process when the bench is gone.
    /// </summary>
    /// <exception cref="IOException">Another process kept the directory's lock, or the bench ended before the run started.</exception>
    public static GridChildSession Enter(string runDirectory, Stream parentInput, Action endProcess, TimeSpan lockWait)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        ArgumentNullException.ThrowIfNull(endProcess);
        var session = new GridChildSession(runDirectory, endProcess);
        ParentLifeline.Watch(parentInput, session.ParentGone);
        var held = RunDirectoryLock.Acquire(runDirectory, lockWait, CancellationToken.None);
        lock (session._gate)
        {
            if (held is null || session._parentGone)
            {
                session._ended = true;
                held?.Dispose();
                throw new IOException(held is null
                    ? $"The run directory {Path.GetFullPath(runDirectory)} is in use by another process (it holds {RunDirectoryLock.FileName}); a run of a bench needs its directory to itself."
                    : $"The bench that started this run has ended; the run in {Path.GetFullPath(runDirectory)} does not start.");
            }

            session._lock = held;
            RunHistory.Append(runDirectory, RunEvent.Started);
        }

        return session;
    }

    /// <summary>Records that the run's results are complete; call after writing <c>summary.json</c>, last.</summary>
    public void Complete() => End(RunEvent.Completed);

    /// <summary>Records a failure unless the run completed, and releases the lock; the session is over.</summary>
    public void Dispose()
    {
        End(RunEvent.Failed);
        lock (_gate)
        {
            _ended = true;
            _lock?.Dispose();
            _lock = null;
        }
    }

    private void ParentGone()
    {
        lock (_gate)
        {
            _parentGone = true;
            if (_ended)
            {
                // The run is over already (or never started); the process is ending by itself.
                return;
            }

            _ended = true;
            if (_lock is not null)
            {
                RunHistory.Append(_directory, RunEvent.Orphaned);
            }

            _endProcess();
        }
    }

    private void End(RunEvent e)
    {
        lock (_gate)
        {
            if (_lock is not null && !_ended)
            {
                _ended = true;
                RunHistory.Append(_directory, e);
            }
        }
    }
}
