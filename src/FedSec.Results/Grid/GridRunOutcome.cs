using FedSec.Simulation;

namespace FedSec.Results.Grid;

/// <summary>How one run of a grid ended.</summary>
/// <param name="Plan">The run.</param>
/// <param name="Succeeded">Whether it finished and its results are in the database.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Seconds">Wall time from start to end.</param>
/// <param name="Diverged">
/// For a stored run that diverged (a result, not a failure: it is finished and not retried), where it diverged; else null.
/// </param>
public sealed record GridRunOutcome(GridRunPlan Plan, bool Succeeded, string? Error, double Seconds, Divergence? Diverged = null);
