using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Attacks.LazyWorker;

/// <summary>
/// The lazy worker or free rider (Lin, Du and Liu, "Free-riders in federated learning: attacks and defenses",
/// arXiv 2019; Fraboni, Vidal and Lorenzi, "Free-rider attacks on model aggregation in federated learning",
/// AISTATS 2021): a client that does no training sends the global model G back, or, disguised, G plus Gaussian
/// noise N(0, σ²) on every trainable coordinate, still claiming its sample count. Buffers are G's.
/// </summary>
internal sealed class LazyWorkerAttack(LazyWorkerOptions options) : IOwnUpdateAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var result = updates.ToArray();
        for (int i = 0; i < result.Length; i++)
        {
            var u = result[i];
            if (context.MaliciousClients.Contains(u.ClientId))
            {
                result[i] = u.WithWeights(FreeRide(u.ClientId, context));
            }
        }

        return result;
    }

    private float[] FreeRide(int clientId, RoundContext context)
    {
        var w = context.Global.ToArray();
        if (options.NoiseStd > 0)
        {
            var rng = context.Random("lazy-worker", clientId);
            foreach (var entry in context.Layout.Entries)
            {
                if (entry.Kind != ParameterKind.Trainable)
                {
                    continue;
                }

                var slice = w.AsSpan(entry.Offset, entry.Length);
                for (int j = 0; j < slice.Length; j++)
                {
                    slice[j] += (float)(options.NoiseStd * rng.NextGaussian());
                }
            }
        }

        return w;
    }
}
