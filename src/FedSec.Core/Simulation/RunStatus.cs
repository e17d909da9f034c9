namespace FedSec.Simulation;

/// <summary>How a run ended; written as <c>completed</c> or <c>diverged</c>.</summary>
public enum RunStatus
{
    /// <summary>Every configured round ran.</summary>
    Completed,

    /// <summary>The model became non-finite in some round; the run stopped there and that round is its last (see <see cref="Divergence"/>).</summary>
    Diverged,
}
