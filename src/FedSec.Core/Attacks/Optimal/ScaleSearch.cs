using FedSec.Aggregation;
using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Optimal;

/// <summary>
/// The search shared by ByzFL's optimal attacks: the damage of a scale x is ‖A(x) − μ‖, A(x) the trainable delta of the
/// aggregate the configured defenses make of the round with every malicious update replaced by the forged delta for x
/// (<see cref="RoundContext.DefendedAggregate"/>; FedAvg's weighted mean when the context has none), μ the mean of the
/// benign deltas. <see cref="LineMaximizer"/> picks x ≥ 0 within the evaluation budget.
/// </summary>
internal static class ScaleSearch
{
    /// <summary>The round with the malicious updates forged at the best scale found, and that scale.</summary>
    public static (IReadOnlyList<ClientUpdate> Updates, double Scale) Attack(RoundView view, RoundContext context, OptimalOptions options, Func<double, float[]> forge)
    {
        var reference = view.ReferenceDeltas();
        var benignMean = WeightedMean.Unweighted(reference);
        var global = context.Layout.GatherTrainable(context.Global.Span);
        var aggregate = context.DefendedAggregate ?? WeightedMean.Of;
        double Damage(double x)
        {
            var delta = forge(x);
            var result = aggregate(view.ReplaceMalicious(i => view.WithDelta(i, delta)));
            var trainable = context.Layout.GatherTrainable(result);
            double sum = 0;
            for (int j = 0; j < trainable.Length; j++)
            {
                double e = trainable[j] - global[j] - benignMean[j];
                sum += e * e;
            }

            return double.IsFinite(sum) ? Math.Sqrt(sum) : double.NegativeInfinity;
        }

        var (best, _) = LineMaximizer.Maximize(Damage, options.Evaluations, 0, options.InitialStep, options.StepRatio);
        var chosen = forge(best);
        return (view.ReplaceMalicious(i => view.WithDelta(i, chosen)), best);
    }
}
