using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedNova (Wang, Liu, Liang, Joshi and Poor, "Tackling the objective inconsistency problem in heterogeneous federated
/// optimization", NeurIPS 2020). Client i took τᵢ local SGD steps (as it reported, else E·⌈nᵢ/B⌉ from its sample
/// count); its normalisation is aᵢ = τᵢ for plain SGD and aᵢ = Σ_{k=1..τᵢ} (1 − ρᵏ)/(1 − ρ) with momentum ρ. Each
/// update is replaced by G + (wᵢ − G)/aᵢ (trainable parameters) before the pipeline, so attacks and defenses see the
/// normalised updates; the server then steps G ← G + τ_eff·(aggregate − G), τ_eff = Σ pᵢaᵢ, pᵢ = nᵢ/Σn over the
/// round's received updates. With FedAvg's aggregation that is G − τ_eff Σ pᵢdᵢ, dᵢ = (G − wᵢ)/aᵢ. Buffers (BatchNorm
/// statistics) are averaged as they are.
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
        var prepared = new ClientUpdate[updates.Count];
        double tauEffective = 0;
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            int steps = received.LocalSteps.TryGetValue(u.ClientId, out int reported) ? reported : _epochs * ((u.SampleCount + _batchSize - 1) / _batchSize);
            double a = Normalizer(steps, _momentum);
            tauEffective += total > 0 ? u.SampleCount / total * a : 0;
            if (a <= 0)
            {
                // No step taken: the update is the global model, with nothing to normalise.
                prepared[i] = u;
                continue;
            }

            var w = (float[])u.Weights.Clone();
            foreach (var e in received.Layout.Entries)
            {
                if (e.Kind != ParameterKind.Trainable)
                {
                    continue;
                }

                for (int j = e.Offset; j < e.Offset + e.Length; j++)
                {
                    w[j] = (float)(global[j] + ((u.Weights[j] - (double)global[j]) / a));
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

        var next = (float[])aggregate.Clone();
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                next[j] = (float)(global[j] + (_tauEffective * (aggregate[j] - (double)global[j])));
            }
        }

        _tauEffective = double.NaN;
        return next;
    }
}
