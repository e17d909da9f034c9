using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Attacks.Gaussian;

/// <summary>
/// The Gaussian noise attack (Blanchard et al., "Machine learning with adversaries: Byzantine tolerant gradient
/// descent", NeurIPS 2017, whose Byzantine workers send Gaussian vectors): each malicious client sends G + ξ with
/// ξⱼ ~ N(μ_g, σ_g²) drawn independently per trainable coordinate (buffers keep the client's own values). Each client
/// draws from its own seeded stream.
/// </summary>
internal sealed class GaussianAttack(GaussianOptions options) : IOwnUpdateAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        return view.ReplaceMalicious(i =>
        {
            var rng = context.Random("gaussian", view[i].ClientId);
            var delta = new float[view.Dimension];
            for (int j = 0; j < delta.Length; j++)
            {
                delta[j] = (float)(options.Mean + (options.Std * rng.NextGaussian()));
            }

            return view.WithDelta(i, delta);
        });
    }
}
