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
}
