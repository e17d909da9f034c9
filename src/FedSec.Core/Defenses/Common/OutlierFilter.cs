using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Common;

/// <summary>Removes the updates whose score exceeds the <see cref="OutlierThreshold"/>; the shared step of <c>3sigma</c> and <c>anomaly_detection</c>.</summary>
internal static class OutlierFilter
{
    public static DefenseOutcome Apply(IReadOnlyList<ClientUpdate> updates, IReadOnlyList<double> scores, OutlierFilterOptions options)
    {
        var flagged = OutlierThreshold.Flag(scores, options.Lambda, options.Statistics, out _);
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            if (flagged[i])
            {
                verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Removed, 0, scores[i]);
            }
            else
            {
                kept.Add(updates[i]);
                verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Kept, 1, scores[i]);
            }
        }

        return new DefenseOutcome(kept, verdicts);
    }
}
