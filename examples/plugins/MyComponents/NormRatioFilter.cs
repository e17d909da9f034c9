using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace MyComponents;

/// <summary>
/// A before-aggregation defense: removes every update whose distance to the global model is more than
/// <see cref="NormRatioFilterOptions.Ratio"/> times the median of those distances (the norm filter of SignGuard,
/// Xu et al. 2022, on its own).
/// </summary>
public sealed class NormRatioFilter : IBeforeAggregationDefense
{
    private readonly NormRatioFilterOptions _options;

    /// <summary>Creates the defense.</summary>
    public NormRatioFilter(NormRatioFilterOptions options) => _options = options;

    /// <inheritdoc />
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        var norms = updates.Select(u => VectorNorms.Distance(u.Weights, context.Global.Span)).ToArray();
        double median = norms.Order().ElementAt(norms.Length / 2);
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            bool keep = norms[i] <= _options.Ratio * median;
            if (keep)
            {
                kept.Add(updates[i]);
            }

            verdicts[i] = new ClientVerdict(updates[i].ClientId, keep ? VerdictKind.Kept : VerdictKind.Removed, keep ? 1 : 0, norms[i]);
        }

        return new DefenseOutcome(kept, verdicts);
    }
}
