using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.NormDiffClipping;

/// <summary>
/// Norm-difference clipping (Sun, Kairouz, Suresh and McMahan, "Can you really backdoor federated learning?", 2019):
/// each update Δ = w − G is scaled to Δ / max(1, ‖Δ‖/M), so no client moves the model by more than M. Acts on the
/// trainable parameters; buffers are left as sent. Clipped updates get the verdict Modified, with ‖Δ‖ as the score.
/// The clipped updates are written into the round's reusable vectors (<see cref="RoundContext.Buffers"/>).
/// </summary>
internal sealed class NormDiffClippingDefense(NormDiffClippingOptions options) : IPerUpdateDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        if (updates.Count == 0)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var layout = context.Layout;
        var global = TrainableView.Of(context.Global, layout);
        var trainable = TrainableView.Of(updates, layout);
        var norms = ClipAroundCenter.Distances(trainable, global);
        var clipped = ClipAroundCenter.Clip(trainable, global, options.NormBound, norms, context.Buffers.Rent);
        var result = new ClientUpdate[updates.Count];
        var verdicts = new ClientVerdict[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            bool modified = clipped[i] is not null;
            result[i] = modified ? u.WithWeights(TrainableView.Replace(u.Weights, clipped[i]!, layout, context.Buffers.Rent)) : u;
            verdicts[i] = new ClientVerdict(u.ClientId, modified ? VerdictKind.Modified : VerdictKind.Kept, 1.0, norms[i]);
        }

        return new DefenseOutcome(result, verdicts);
    }
}
