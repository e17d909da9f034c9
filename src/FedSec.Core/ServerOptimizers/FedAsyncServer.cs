using FedSec.Configuration;
using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedAsync (Xie, Koyejo and Gupta, "Asynchronous federated optimization", 2019): each server step consumes one
/// client's model x_new, trained from the global model of τ = t − k (k its staleness), and mixes it in as
/// G ← (1 − αₜ)G + αₜ·x_new with αₜ = α·s(k) (<see cref="StalenessWeight"/>). The pipeline sees x_new as it is; the
/// mixing acts on the whole model (buffers too), as the paper's. A defense that replaced the update by the global model
/// leaves the model unchanged.
/// </summary>
internal sealed class FedAsyncServer : IServerOptimizer, IPreparesUpdates
{
    private readonly ExperimentConfig _config;
    private double _mixing = double.NaN;

    public FedAsyncServer(ExperimentConfig config) => _config = config;

    /// <summary>The last prepared step's αₜ.</summary>
    public double Mixing => _mixing;

    public IReadOnlyList<ClientUpdate> Prepare(IReadOnlyList<ClientUpdate> updates, ReceivedUpdates received)
    {
        if (updates.Count != 1)
        {
            throw new InvalidOperationException($"FedAsync consumes one update per server step; this step received {updates.Count}.");
        }

        int staleness = received.Staleness is { } s && s.TryGetValue(updates[0].ClientId, out int k) ? k : 0;
        _mixing = _config.AsyncAlpha * StalenessWeight.Of(_config, staleness);
        return updates;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        if (double.IsNaN(_mixing))
        {
            throw new InvalidOperationException("FedAsync's server steps after preparing the step's update (IPreparesUpdates.Prepare).");
        }

        var next = new float[global.Length];
        for (int j = 0; j < next.Length; j++)
        {
            next[j] = (float)(((1 - _mixing) * global[j]) + (_mixing * aggregate[j]));
        }

        _mixing = double.NaN;
        return next;
    }
}
