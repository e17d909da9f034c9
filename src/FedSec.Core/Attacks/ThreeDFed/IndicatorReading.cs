namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// 3DFed's reading of its indicators (<c>read_indicator</c> of the authors' code): the feedback of model j is
/// f_j = (G_now − G_then)[I_j] / v_j, the change of the global model at the indicator's coordinate over the value the
/// attacker planted there. A model averaged in with weight p gives f ≈ p; a filtered one f ≈ 0. Any f &gt; 1 or
/// f &lt; −threshold cannot come from averaging: the server adds noise (weak DP) and adaptive tuning stops for good.
/// Otherwise f ≤ threshold is rejected, f/w ≤ 0.8·max(f/w) clipped, the rest accepted, w being the aggregation weight
/// (sample count) of the slot that sent the model. The authors' server averages with equal weights and compares f
/// itself; under FedAvg's sample-weighted mean that would call "clipped" every accepted model whose client holds 20 %
/// fewer samples than the attacker's largest. The attacker knows its own clients' sample counts, so it divides by them.
/// </summary>
public static class IndicatorReading
{
    /// <summary>The status of each model, and whether the server is now known to add noise.</summary>
    /// <param name="feedbacks">f_j of each model sent, in the order sent.</param>
    /// <param name="threshold">The rejection threshold (1e-4 in the authors' MNIST runs, 1e-5 on CIFAR).</param>
    /// <param name="weakDp">Whether noise was detected in an earlier round (then nothing is read).</param>
    /// <param name="weights">The aggregation weight of the slot each model was sent in (null, or any weight not positive: feedbacks compared as they are).</param>
    public static (IReadOnlyList<IndicatorStatus> Statuses, bool WeakDp) Classify(IReadOnlyList<double> feedbacks, double threshold, bool weakDp, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(feedbacks);
        if (weights is not null && weights.Count != feedbacks.Count)
        {
            throw new ArgumentException($"{feedbacks.Count} feedbacks but {weights.Count} weights.", nameof(weights));
        }

        var statuses = new List<IndicatorStatus>();
        if (weakDp || feedbacks.Count == 0)
        {
            return (statuses, weakDp);
        }

        // Per sample only when every weight is positive: dividing some feedbacks and not others would compare across scales.
        bool perSample = weights is not null && weights.All(w => w > 0 && !double.IsInfinity(w));
        var perWeight = feedbacks.Select((f, j) => perSample ? f / weights![j] : f).ToArray();
        double max = perWeight.Max();
        for (int j = 0; j < feedbacks.Count; j++)
        {
            double f = feedbacks[j];
            if (f > 1 || f < -threshold || double.IsNaN(f))
            {
                return (Array.Empty<IndicatorStatus>(), true);
            }

            statuses.Add(f <= threshold ? IndicatorStatus.Rejected : perWeight[j] <= max * 0.8 ? IndicatorStatus.Clipped : IndicatorStatus.Accepted);
        }

        return (statuses, false);
    }
}
