using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedNova (Wang, Liu, Liang, Joshi and Poor, "Tackling the objective inconsistency problem in heterogeneous federated
/// optimization", NeurIPS 2020). Client i took τᵢ local SGD steps (as it reported, else E·⌈nᵢ/B⌉ from its sample
/// count); its normalisation is aᵢ = τᵢ for plain SGD and aᵢ = Σ_{k=1..τᵢ} (1 − ρᵏ)/(1 − ρ) with momentum ρ. The paper's
/// step is G ← G − τ_eff Σ pᵢdᵢ with dᵢ = (G − wᵢ)/aᵢ, τ_eff = Σ pᵢaᵢ, pᵢ = nᵢ/Σn over the round's received updates.
/// Each update is replaced, before the pipeline, by G + (τ_eff/aᵢ)(wᵢ − G) on the trainable parameters, the step it
/// contributes, so FedAvg's weighted mean of the prepared updates is that step and <see cref="Step"/> takes the
/// aggregate as it is. Attacks and defenses see updates of natural size (rescaled by τ_eff/aᵢ, about 1 for a client
/// with the average number of steps). Preparing G + dᵢ/aᵢ and multiplying by τ_eff after aggregation would give the same
/// real numbers, but stores dᵢ/aᵢ in float next to G and rounds it to G's ulp, then multiplies that error by τ_eff
/// (aᵢ is about 1 010 for 110 steps with momentum 0.9): an update of 10⁻⁴ on a weight of 1 came out 20 % too large, one
/// of −4·10⁻⁵ on −1 vanished. Buffers (BatchNorm statistics) are averaged as they are.
/// </summary>
internal sealed class FedNovaServer : IServerOptimizer, IPreparesUpdates
{
    private readonly int _epochs;
    private readonly int _batchSize;
    private readonly double _momentum;
    private double _tauEffective = double.NaN;

    public FedNovaServer(int epochs, int batchSize, double momentum)
    {
        _epochs = epochs;
        _batchSize = batchSize;
        _momentum = momentum;
    }

    /// <summary>The last prepared round's τ_eff.</summary>
    public double EffectiveSteps => _tauEffective;

    /// <summary>aᵢ for τ local steps with momentum ρ: τ for ρ = 0, else Σ_{k=1..τ} (1 − ρᵏ)/(1 − ρ).</summary>
    public static double Normalizer(int steps, double momentum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (momentum == 0)
        {
            return steps;
        }

        return (steps - (momentum * (1 - Math.Pow(momentum, steps)) / (1 - momentum))) / (1 - momentum);
    }

    public IReadOnlyList<ClientUpdate> Prepare(IReadOnlyList<ClientUpdate> updates, ReceivedUpdates received)
    {
        double total = updates.Sum(u => (double)u.SampleCount);
        var global = received.Global.Span;
        var normalizers = new double[updates.Count];
        double tauEffective = 0;
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            int steps = received.LocalSteps.TryGetValue(u.ClientId, out int reported) ? reported : _epochs * ((u.SampleCount + _batchSize - 1) / _batchSize);
            normalizers[i] = Normalizer(steps, _momentum);
            tauEffective += total > 0 ? u.SampleCount / total * normalizers[i] : 0;
        }

        var prepared = new ClientUpdate[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (normalizers[i] <= 0)
            {
                // No step taken: the update is the global model, with nothing to normalise.
                prepared[i] = u;
                continue;
            }

            double scale = tauEffective / normalizers[i];
            var w = (float[])u.Weights.Clone();
            foreach (var e in received.Layout.Entries)
            {
                if (e.Kind != ParameterKind.Trainable)
                {
                    continue;
                }

                for (int j = e.Offset; j < e.Offset + e.Length; j++)
                {
                    w[j] = (float)(global[j] + (scale * (u.Weights[j] - (double)global[j])));
                }
            }

            prepared[i] = u.WithWeights(w);
        }

        _tauEffective = tauEffective;
        return prepared;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        if (double.IsNaN(_tauEffective))
        {
            throw new InvalidOperationException("FedNova's server steps after preparing the round's updates (IPreparesUpdates.Prepare).");
        }

        // The prepared updates carry τ_eff already: their aggregate is the next model.
        _tauEffective = double.NaN;
        return (float[])aggregate.Clone();
    }
}
