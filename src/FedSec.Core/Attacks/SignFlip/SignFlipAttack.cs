using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.SignFlip;

/// <summary>
/// Sign flipping (Damaskinos et al., "Asynchronous Byzantine machine learning", ICML 2018; Allen-Zhu et al.,
/// ICLR 2021): each malicious client trains honestly, then sends its update reversed and scaled, G − scale·Δ.
/// Unlike the Byzantine <c>flip</c> mode (2G − w on the whole state) it touches only the trainable parameters.
/// </summary>
internal sealed class SignFlipAttack(SignFlipOptions options) : IOwnUpdateAttack, IControlsClients, IUsesOwnTraining
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public bool UsesOwnTraining => true;

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        float scale = (float)-options.Scale;
        return view.ReplaceMalicious(i =>
        {
            var delta = new float[view.Dimension];
            System.Numerics.Tensors.TensorPrimitives.Multiply(view.Delta(i), scale, delta);
            return view.WithDelta(i, delta);
        });
    }
}
