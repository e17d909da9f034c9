namespace FedSec.Results.Grid;

/// <summary>Receives the progress of a grid; called from the runner's thread.</summary>
public interface IGridObserver
{
    /// <summary>A run started.</summary>
    void RunStarted(GridRunPlan plan);

    /// <summary>A run finished another round; <paramref name="roundsDone"/> counts its finished rounds.</summary>
    void RunProgressed(GridRunPlan plan, int roundsDone);

    /// <summary>A run ended and, when it succeeded, is stored in the results database.</summary>
    void RunEnded(GridRunOutcome outcome);

    /// <summary>
    /// A run's directory is locked by another process (typically a run of an earlier bench that was killed, ending now);
    /// the runner waits for it before touching the directory. <paramref name="holderPid"/> is that process when known.
    /// </summary>
    void RunWaiting(GridRunPlan plan, int? holderPid);

    /// <summary>
    /// A run that a run of an earlier, interrupted bench had completed but that bench had not stored is now stored,
    /// without running it again (<paramref name="outcome"/> says whether storing it succeeded).
    /// </summary>
    void RunAdopted(GridRunOutcome outcome);
}
