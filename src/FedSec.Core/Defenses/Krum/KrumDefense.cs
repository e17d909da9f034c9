using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Krum;

/// <summary>
/// Krum and m-Krum (Blanchard, El Mhamdi, Guerraoui and Stainer, "Machine learning with adversaries: Byzantine
/// tolerant gradient descent", NeurIPS 2017). Each update is scored by the sum of its squared distances to its
/// n − f − 2 nearest neighbours; the m lowest scores are kept (and averaged by the aggregation that follows).
/// Distances are taken over the trainable parameters.
/// </summary>
internal sealed class KrumDefense(KrumOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        if (n - options.ByzantineClientNum - 2 < 1)
        {
            // Fewer updates reached Krum than it needs (an earlier defense removed some): keep them all and say so.
            return DefenseOutcome.KeepAll(updates);
        }

        var layout = context.Layout;
        var vectors = updates.Select(u => layout.AllTrainable ? u.Weights : layout.GatherTrainable(u.Weights)).ToArray();
        var scores = KrumScores.Compute(PairwiseDistances.Squared(vectors), options.ByzantineClientNum);
        var keep = new HashSet<int>(KrumScores.SelectLowest(scores, Math.Min(options.M ?? 1, n)));
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            bool k = keep.Contains(i);
            if (k)
            {
                kept.Add(updates[i]);
            }

            verdicts[i] = new ClientVerdict(updates[i].ClientId, k ? VerdictKind.Kept : VerdictKind.Removed, k ? 1 : 0, scores[i]);
        }

        return new DefenseOutcome(kept, verdicts);
    }
}
