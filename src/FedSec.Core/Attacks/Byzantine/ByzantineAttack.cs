using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Byzantine;

/// <summary>
/// The Byzantine attack of FedMLSecurity (Chen, Su and Xu, "Distributed statistical machine learning in adversarial
/// settings: Byzantine gradient descent", POMACS 2017; Fang et al., USENIX Security 2020): the Byzantine clients
/// replace their models with all zeros, with U[−1, 1) noise, or with the flipped model 2G − w. The whole state
/// (trainable parameters and buffers) is forged, as a real adversary could. Byzantine clients are fixed identities.
/// </summary>
internal sealed class ByzantineAttack : IModelPoisoningAttack, IControlsClients
{
    private readonly ByzantineOptions _options;

    public ByzantineAttack(ByzantineOptions options) => _options = options;

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

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
        int d = update.Weights.Length;
        var forged = new float[d];
        switch (_options.Mode)
        {
            case ByzantineMode.Zero:
                break;
            case ByzantineMode.Random:
                var rng = context.Random("byzantine", update.ClientId);
                for (int j = 0; j < d; j++)
                {
                    forged[j] = (float)((rng.NextDouble() * 2.0) - 1.0);
                }

                break;
            case ByzantineMode.Flip:
                var g = context.Global.Span;
                for (int j = 0; j < d; j++)
                {
                    forged[j] = (2f * g[j]) - update.Weights[j];
                }

                break;
        }

        return forged;
    }
}
