using FedSec.Configuration;
using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedBuff (Nguyen et al., "Federated learning with buffered asynchronous aggregation", AISTATS 2022): the server
/// buffers K updates; client i's delta Δᵢ = wᵢ − x_{t−kᵢ} is taken against the model it trained from (kᵢ its
/// staleness) and scaled by s(kᵢ) (<see cref="StalenessWeight"/>; the paper's 1/√(1 + k) is the polynomial with
/// a = 0.5). Before the pipeline each update becomes G + s(kᵢ)·Δᵢ with aggregation weight 1 (the paper's plain mean over
/// the buffer), so attacks and defenses see the buffered updates relative to the current model; the server then steps
/// G ← G + η_g·(aggregate − G) with η_g = <c>server_lr</c>. Buffers (BatchNorm statistics) take the aggregate of the
/// clients' own.
/// </summary>
internal sealed class FedBuffServer : IServerOptimizer, IPreparesUpdates
{
    private readonly ExperimentConfig _config;

    public FedBuffServer(ExperimentConfig config) => _config = config;

    public IReadOnlyList<ClientUpdate> Prepare(IReadOnlyList<ClientUpdate> updates, ReceivedUpdates received)
    {
        var global = received.Global.Span;
        var prepared = new ClientUpdate[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            int staleness = received.Staleness is { } s && s.TryGetValue(u.ClientId, out int k) ? k : 0;
            var start = received.StartModels is { } m && m.TryGetValue(u.ClientId, out var from) ? from : global.ToArray();
            double scale = StalenessWeight.Of(_config, staleness);
            var w = (float[])u.Weights.Clone();
            foreach (var e in received.Layout.Entries)
            {
                if (e.Kind != ParameterKind.Trainable)
                {
                    continue;
                }

                for (int j = e.Offset; j < e.Offset + e.Length; j++)
                {
                    w[j] = (float)(global[j] + (scale * (u.Weights[j] - (double)start[j])));
                }
            }

            prepared[i] = u.WithWeights(w) with { AggregationWeight = 1 };
        }

        return prepared;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        var next = (float[])aggregate.Clone();
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                next[j] = (float)(global[j] + (_config.ServerLr * (aggregate[j] - (double)global[j])));
            }
        }

        return next;
    }
}
