namespace FedSec.Results.Grid;

/// <summary>One line of a run directory's <c>run.history</c>.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Pid">The process that wrote it: the child run for its own events, the bench for <see cref="RunEvent.Wiped"/> and <see cref="RunEvent.Adopted"/>.</param>
/// <param name="Event">What happened.</param>
internal sealed record RunHistoryEntry(DateTime At, int Pid, RunEvent Event);
