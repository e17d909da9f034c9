using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// How long a backdoor outlives its attacker in one run, from the per-round attack success rate (ASR): the ASR at the
/// last round the attack was active, the ASR <see cref="RoundsAfter"/> rounds later (the run's last evaluated round),
/// and the lifespan, Neurotoxin's measure of durability (Zhang et al., ICML 2022): the rounds after the attack stopped
/// until the ASR first falls below <see cref="LifespanThreshold"/>. Pure.
/// </summary>
/// <param name="AtStop">The ASR evaluated at the last round the attack was active (share, 0-1).</param>
/// <param name="AtEnd">The ASR at the run's last evaluated round after it.</param>
/// <param name="RoundsAfter">Rounds between the two.</param>
/// <param name="Lifespan">
/// Rounds after the stop until the first evaluated ASR below the threshold; 0 when the ASR was below it already when
/// the attack stopped (the backdoor never lived); when it never fell below, <see cref="RoundsAfter"/> with
/// <see cref="Censored"/> set (the backdoor lived at least that long).
/// </param>
/// <param name="Censored">Whether the ASR stayed at or above the threshold up to the last evaluated round.</param>
internal sealed record BackdoorDurability(double AtStop, double AtEnd, int RoundsAfter, int Lifespan, bool Censored)
{
    /// <summary>The ASR under which a backdoor counts as gone: 50 %.</summary>
    public const double LifespanThreshold = 0.5;

    /// <summary>The last round the attack was active (zero-based), where <see cref="AtStop"/> was evaluated.</summary>
    public int StopRound { get; init; }

    /// <summary>The round of <see cref="AtEnd"/>: <see cref="StopRound"/> + <see cref="RoundsAfter"/>.</summary>
    public int EndRound => StopRound + RoundsAfter;

    /// <summary>Each run of <paramref name="facet"/> whose durability is measured (<see cref="Of"/> not null), with it.</summary>
    public static MeasuredRun[] Measured(Facet facet, ResultIndex index)
    {
        ArgumentNullException.ThrowIfNull(facet);
        ArgumentNullException.ThrowIfNull(index);
        return facet.Runs
            .Select(r => (Run: r, Durability: Of(index.Rounds(r))))
            .Where(x => x.Durability is not null)
            .Select(x => new MeasuredRun(x.Run, x.Durability!))
            .ToArray();
    }

    /// <summary>
    /// The durability of a run whose attack stopped before its last round, or null: no ASR recorded, the attack never
    /// active, still active in the last round, ASR not evaluated in the attack's last round, or none evaluated after it.
    /// </summary>
    public static BackdoorDurability? Of(IEnumerable<StoredRound> rounds)
    {
        var ordered = rounds.OrderBy(r => r.Round).ToArray();
        var active = ordered.Where(r => r.AttackActive).ToArray();
        if (active.Length == 0)
        {
            return null;
        }

        var stop = active[^1];
        if (!stop.Metrics.TryGetValue(ResultIndex.AttackSuccessRate, out double atStop))
        {
            return null;
        }

        var after = ordered.Where(r => r.Round > stop.Round && r.Metrics.ContainsKey(ResultIndex.AttackSuccessRate)).ToArray();
        if (after.Length == 0)
        {
            return null;
        }

        var end = after[^1];
        int roundsAfter = end.Round - stop.Round;
        if (atStop < LifespanThreshold)
        {
            return new BackdoorDurability(atStop, end.Metrics[ResultIndex.AttackSuccessRate], roundsAfter, 0, Censored: false) { StopRound = stop.Round };
        }

        var fell = after.FirstOrDefault(r => r.Metrics[ResultIndex.AttackSuccessRate] < LifespanThreshold);
        return fell is null
            ? new BackdoorDurability(atStop, end.Metrics[ResultIndex.AttackSuccessRate], roundsAfter, roundsAfter, Censored: true) { StopRound = stop.Round }
            : new BackdoorDurability(atStop, end.Metrics[ResultIndex.AttackSuccessRate], roundsAfter, fell.Round - stop.Round, Censored: false) { StopRound = stop.Round };
    }
}
