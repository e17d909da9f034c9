using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.NormDiffClipping;

/// <summary>
/// Norm-difference clipping (Sun, Kairouz, Suresh and McMahan, "Can you really backdoor federated learning?", 2019):
/// each update Δ = w − G is scaled to Δ / max(1, ‖Δ‖/M), so no client moves the model by more than M. Acts on the
/// trainable parameters; buffers are left as sent. Clipped updates get the verdict Modified, with ‖Δ‖ as the score.
/// </summary>
internal sealed class NormDiffClippingDefense : IBeforeAggregationDefense
{
    private readonly NormDiffClippingOptions _options;

    public NormDiffClippingDefense(NormDiffClippingOptions options) => _options = options;

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var layout = context.Layout;
        var global = TrainableView.Of(context.Global, layout);
        var result = new ClientUpdate[updates.Count];
        var verdicts = new ClientVerdict[updates.Count];
        Parallel.For(0, updates.Count, i =>
        {
            var u = updates[i];
            var w = layout.AllTrainable ? u.Weights : layout.GatherTrainable(u.Weights);
            double norm = VectorNorms.Distance(w, global);
            bool modified = norm > _options.NormBound;
            result[i] = modified ? u.WithWeights(TrainableView.Replace(u.Weights, VectorNorms.ClipAround(w, global, _options.NormBound, out _), layout)) : u;
            verdicts[i] = new ClientVerdict(u.ClientId, modified ? VerdictKind.Modified : VerdictKind.Kept, 1.0, norm);
        });
        return new DefenseOutcome(result, verdicts);
    }
}
