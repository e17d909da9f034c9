using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedSGD's server with the two additions of ByzFL's training loop (its <c>Client.get_flat_gradients_with_momentum</c>
/// and <c>Server</c>; worker momentum against Byzantine clients is Karimireddy, He and Jaggi's, "Learning from history
/// for Byzantine robust optimization", ICML 2021): <b>client momentum</b> β, each client keeping
/// uᵢ ← βuᵢ + (1 − β)Δᵢ of its one-step updates Δᵢ = wᵢ − G across rounds (u starts at zero) and sending G + uᵢ in
/// place of its model, and <b>server weight decay</b> λ, the next global model being aggregate − η·λ·G with η the
/// clients' learning rate. A FedSGD update is Δᵢ = −η·gᵢ, so uᵢ = −η·mᵢ with mᵢ ByzFL's momentum of the gradients, and
/// the step is ByzFL's torch SGD step G − η(aggregate of mᵢ + λG). Both act on the trainable parameters; buffers pass
/// as sent. The momenta are the clients' cross-round state (kept in checkpoints). A client's momentum is kept by its
/// id; an update forged at a malicious client enters its momentum as it arrives.
/// </summary>
internal sealed class FedSgdServer : IServerOptimizer, IPreparesUpdates, ICrossRoundState
{
    private readonly double _momentum;
    private readonly double _decay;
    private readonly SortedDictionary<int, float[]> _momenta = new();

    /// <summary>Creates the server for client momentum β in [0, 1) and the decay η·λ ≥ 0 per step.</summary>
    public FedSgdServer(double clientMomentum, double learningRate, double weightDecay)
    {
        if (!(clientMomentum >= 0 && clientMomentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(clientMomentum), clientMomentum, "Client momentum must be in [0, 1).");
        }

        if (!(learningRate > 0) || !(weightDecay >= 0) || !double.IsFinite(learningRate * weightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "The learning rate must be positive and the weight decay zero or positive, both finite.");
        }

        _momentum = clientMomentum;
        _decay = learningRate * weightDecay;
    }

    /// <summary>The momentum kept for <paramref name="clientId"/>, or null before its first update.</summary>
    public float[]? MomentumOf(int clientId) => _momenta.TryGetValue(clientId, out var u) ? u : null;

    public IReadOnlyList<ClientUpdate> Prepare(IReadOnlyList<ClientUpdate> updates, ReceivedUpdates received)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(received);
        if (_momentum == 0)
        {
            return updates;
        }

        var global = received.Global.Span;
        var prepared = new ClientUpdate[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (!_momenta.TryGetValue(u.ClientId, out var m))
            {
                m = new float[global.Length];
                _momenta[u.ClientId] = m;
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
                    m[j] = (float)((_momentum * m[j]) + ((1 - _momentum) * (u.Weights[j] - (double)global[j])));
                    w[j] = global[j] + m[j];
                }
            }

            prepared[i] = u.WithWeights(w);
        }

        return prepared;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(layout);
        if (_decay == 0)
        {
            return aggregate;
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
                next[j] = (float)(aggregate[j] - (_decay * global[j]));
            }
        }

        return next;
    }

    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_momenta.Count);
        foreach (var (id, m) in _momenta)
        {
            writer.Write(id);
            StateVectors.Write(writer, m);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _momenta.Clear();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            int id = reader.ReadInt32();
            _momenta[id] = StateVectors.Read(reader) ?? throw new InvalidDataException($"Client {id}'s momentum is missing from the checkpoint.");
        }
    }
}
