using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Byzantine;

/// <summary>
/// The Byzantine attack of FedMLSecurity (Chen, Su and Xu, "Distributed statistical machine learning in adversarial
/// settings: Byzantine gradient descent", POMACS 2017; Fang et al., USENIX Security 2020): the Byzantine clients
/// replace their models with all zeros, with U[−1, 1) noise, or with the flipped model 2G − w. The trainable
/// parameters are forged; buffers (BatchNorm statistics) keep the client's own values, like the other model-poisoning
/// attacks, so a forged running variance can never turn negative and make every evaluation NaN. Byzantine clients
/// are fixed identities.
/// </summary>
internal sealed class ByzantineAttack(ByzantineOptions options) : IOwnUpdateAttack, IControlsClients, IUsesOwnTraining
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public bool UsesOwnTraining => options.Mode == ByzantineMode.Flip;

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var result = new ClientUpdate[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            result[i] = context.MaliciousClients.Contains(u.ClientId) ? u.WithWeights(Forge(u, context)) : u;
        }

        return result;
    }

    private float[] Forge(ClientUpdate update, RoundContext context)
    {
        var forged = (float[])update.Weights.Clone();
        var g = context.Global.Span;
        var rng = options.Mode == ByzantineMode.Random ? context.Random("byzantine", update.ClientId) : null;
        foreach (var entry in context.Layout.Entries)
        {
            if (entry.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = entry.Offset; j < entry.Offset + entry.Length; j++)
            {
                forged[j] = options.Mode switch
                {
                    ByzantineMode.Zero => 0f,
                    ByzantineMode.Random => (float)((rng!.NextDouble() * 2.0) - 1.0),
                    _ => (2f * g[j]) - update.Weights[j],
                };
            }
        }

        return forged;
    }
}
