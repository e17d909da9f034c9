using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Fang;

/// <summary>
/// Fang et al.'s full-knowledge local model poisoning attack on coordinate-wise trimmed mean and median (Fang, Cao,
/// Jia and Gong, "Local model poisoning attacks to Byzantine-robust federated learning", USENIX Security 2020): each
/// malicious client sends, per coordinate, a value drawn just beyond the benign extreme against the direction of
/// change (<see cref="FangTrimKernel"/>). FedSec applies it to deltas (as the authors' code does to gradients), so the
/// factor b scales the update, not the weight's magnitude. Each client draws from its own seeded stream.
/// </summary>
internal sealed class FangTrimAttack(FangTrimOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        var reference = view.ReferenceDeltas();
        return view.ReplaceMalicious(i =>
            view.WithDelta(i, FangTrimKernel.Forge(reference, options.B, context.Random("fang-trim", view[i].ClientId))));
    }
}
