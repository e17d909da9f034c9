using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.MinMax;

/// <summary>
/// Min-Max and Min-Sum (Shejwalkar and Houmansadr, "Manipulating the Byzantine: optimizing model poisoning attacks and
/// defenses for federated learning", NDSS 2021), aggregation-agnostic with knowledge of the benign updates. Every
/// malicious client sends the same delta μ + γ·p, μ the benign mean and p the chosen perturbation, with the largest γ
/// (binary search from γ_init = 10 to tolerance 10⁻⁵) such that its largest distance to a benign delta stays within
/// the largest benign pairwise distance (Min-Max), or its sum of squared distances to the benign deltas within the
/// largest such sum of a benign delta (Min-Sum): as far from the mean as an outlier-free update can be.
/// </summary>
internal sealed class MinMaxAttack(MinMaxOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    /// <summary>The constraint the forged update keeps within: Min-Max or Min-Sum.</summary>
    public MinMaxObjective Objective => options.Objective;

    /// <summary>The γ of the last round attacked (for inspection and tests).</summary>
    public double LastGamma { get; private set; }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var (delta, gamma) = MinMaxKernel.Forge(view.ReferenceDeltas(), options.Perturbation, options.Objective, options.GammaInit, options.Tolerance);
        LastGamma = gamma;
        return view.ReplaceMalicious(i => view.WithDelta(i, delta));
    }
}
