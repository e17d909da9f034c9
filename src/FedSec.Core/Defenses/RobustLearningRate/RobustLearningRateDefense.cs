using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.RobustLearningRate;

/// <summary>
/// The robust learning rate (Ozdayi, Kantarcioglu and Gel, "Defending against backdoors in federated learning with
/// robust learning rate", AAAI 2021): per trainable coordinate, the clients vote with the signs of their updates
/// wᵢ − G; where fewer than θ agree (|Σ sign| &lt; θ) the server moves against the weighted mean update. Buffers take
/// the weighted mean. FedML voted on the signs of the weights, not of the updates, and never called it.
/// </summary>
internal sealed class RobustLearningRateDefense(RobustLearningRateOptions options) : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var layout = context.Layout;
        double total = updates.Sum(u => u.AggregationWeight);
        var alphas = updates.Select(u => total > 0 ? u.AggregationWeight / total : 1.0 / updates.Count).ToArray();
        var trainable = SignVote.Apply(TrainableView.Of(updates, layout), alphas, TrainableView.Of(context.Global, layout), options.RobustThreshold);
        return AggregationOutcome.Of(TrainableView.Compose(trainable, updates, layout));
    }
}
