using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Checks on a run directory's <c>run.history</c>.</summary>
internal static class HistoryChecks
{
    /// <summary>
    /// Fails unless the history shows one owner at a time: a run starts only when no other run holds the directory, a run
    /// ends only while it holds it, and a bench wipes or adopts the directory only when no run holds it.
    /// </summary>
    public static void AssertOneOwnerAtATime(IReadOnlyList<RunHistoryEntry> history, string directory)
    {
        int? holder = null;
        foreach (var e in history)
        {
            switch (e.Event)
            {
                case RunEvent.Started:
                    Assert.True(holder is null, $"{directory}: process {e.Pid} started while process {holder} held the directory.");
                    holder = e.Pid;
                    break;
                case RunEvent.Completed or RunEvent.Failed or RunEvent.Orphaned:
                    Assert.True(holder == e.Pid, $"{directory}: process {e.Pid} recorded '{e.Event}' while {(holder is null ? "no run" : $"process {holder}")} held the directory.");
                    holder = null;
                    break;
                default:
                    Assert.True(holder is null, $"{directory}: a bench recorded '{e.Event}' while process {holder} held the directory.");
                    break;
            }
        }
    }
}
