using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>A backdoor run whose durability is measured, with its control run's ASR at the same two rounds (<see cref="ControlRuns"/>).</summary>
/// <param name="Measured">The backdoor run and its durability.</param>
/// <param name="Control">Its control run.</param>
/// <param name="ControlAtStop">The control's ASR at the backdoor's last attack round.</param>
/// <param name="ControlAtEnd">The control's ASR at the backdoor's last evaluated round.</param>
internal sealed record ControlledRun(MeasuredRun Measured, StoredRun Control, double ControlAtStop, double ControlAtEnd)
{
    /// <summary>The backdoor's ASR beyond its trigger's at the stop (share, may be negative).</summary>
    public double NetAtStop => Measured.Durability.AtStop - ControlAtStop;

    /// <summary>The same k rounds later.</summary>
    public double NetAtEnd => Measured.Durability.AtEnd - ControlAtEnd;

    /// <summary>
    /// Pairs each of <paramref name="measured"/> with its control run; a run without one, or whose control did not
    /// evaluate the ASR at both rounds, goes to <paramref name="unpaired"/>.
    /// </summary>
    public static IReadOnlyList<ControlledRun> Pair(IEnumerable<MeasuredRun> measured, ControlRuns controls, out IReadOnlyList<MeasuredRun> unpaired)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(controls);
        var paired = new List<ControlledRun>();
        var missing = new List<MeasuredRun>();
        foreach (var m in measured)
        {
            if (controls.For(m.Run) is { } control
                && controls.AttackSuccessRate(control, m.Durability.StopRound) is { } atStop
                && controls.AttackSuccessRate(control, m.Durability.EndRound) is { } atEnd)
            {
                paired.Add(new ControlledRun(m, control, atStop, atEnd));
            }
            else
            {
                missing.Add(m);
            }
        }

        unpaired = missing;
        return paired;
    }
}
