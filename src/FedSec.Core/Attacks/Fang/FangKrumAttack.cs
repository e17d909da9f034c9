using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Fang;

/// <summary>
/// Fang et al.'s full-knowledge local model poisoning attack on Krum (Fang, Cao, Jia and Gong, "Local model poisoning
/// attacks to Byzantine-robust federated learning", USENIX Security 2020): all malicious clients send the same model
/// G − λ·s, s the sign of the benign mean change, with the largest λ (from the paper's upper bound, halving) that Krum
/// still selects; see <see cref="FangKrumKernel"/>. Krum is simulated over the trainable parameters with
/// f = <c>byzantine_client_num</c>.
/// </summary>
internal sealed class FangKrumAttack(FangKrumOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    /// <summary>λ of the last round attacked and whether the simulated Krum selected the forged model (for inspection and tests).</summary>
    public (double Lambda, bool Selected) Last { get; private set; }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var (delta, lambda, selected) = FangKrumKernel.Forge(view.ReferenceDeltas(), view.Malicious.Count, options.ClientNum, options.Threshold);
        Last = (lambda, selected);
        return view.ReplaceMalicious(i => view.WithDelta(i, delta));
    }
}
