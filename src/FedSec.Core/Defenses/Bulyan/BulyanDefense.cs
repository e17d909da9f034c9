using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Bulyan;

/// <summary>
/// Bulyan (El Mhamdi, Guerraoui and Rouault, "The hidden vulnerability of distributed learning in Byzantium", ICML
/// 2018): θ = n − 2f updates are picked by iterated Krum (<see cref="BulyanSelection"/>), then every trainable
/// coordinate is the mean of the β = θ − 2f selected values closest to their median
/// (<see cref="NearestToMedianMean"/>). Needs n ≥ 4f + 3; when fewer updates reach it in a round (an earlier defense
/// removed some), f is lowered to the largest value that n still allows. Buffers take the weighted mean of the
/// selected updates. Verdicts: selected updates are kept, the others removed; the score is the first Krum score.
/// </summary>
internal sealed class BulyanDefense(BulyanOptions options) : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        int f = Math.Min(options.ByzantineClientNum, Math.Max(0, (n - 3) / 4));
        int theta = n - (2 * f);
        int beta = theta - (2 * f);
        var trainable = TrainableView.Of(updates, context.Layout);
        var selected = BulyanSelection.Select(PairwiseDistances.Squared(trainable), f, theta, out var scores);
        var chosen = new HashSet<int>(selected);
        var aggregate = NearestToMedianMean.Of(selected.Select(i => trainable[i]).ToArray(), beta);
        var weights = TrainableView.Compose(aggregate, selected.Select(i => updates[i]).ToArray(), context.Layout);
        var verdicts = updates.Select((u, i) => chosen.Contains(i)
            ? new ClientVerdict(u.ClientId, VerdictKind.Kept, 1.0, scores[i])
            : new ClientVerdict(u.ClientId, VerdictKind.Removed, 0.0, scores[i])).ToArray();
        return new AggregationOutcome(weights, verdicts);
    }
}
