using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Common;

/// <summary>
/// A model-poisoning attacker's view of one round: which updates are benign and which malicious, and each update's
/// delta Δᵢ = wᵢ − G over the trainable parameters (buffers such as BatchNorm statistics are no gradient and are left
/// to the forging client's own values). Builds the forged updates and leaves the benign ones as they were (the same
/// instances).
/// </summary>
internal sealed class RoundView
{
    private readonly IReadOnlyList<ClientUpdate> _updates;
    private readonly RoundContext _context;
    private readonly float[] _globalTrainable;
    private readonly float[]?[] _deltas;

    public RoundView(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _updates = updates;
        _context = context;
        _globalTrainable = context.Layout.GatherTrainable(context.Global.Span);
        _deltas = new float[updates.Count][];
        var benign = new List<int>();
        var malicious = new List<int>();
        for (int i = 0; i < updates.Count; i++)
        {
            (context.MaliciousClients.Contains(updates[i].ClientId) ? malicious : benign).Add(i);
        }

        Benign = benign;
        Malicious = malicious;
    }

    /// <summary>Positions of the benign updates in the round's list.</summary>
    public IReadOnlyList<int> Benign { get; }

    /// <summary>Positions of the malicious updates in the round's list.</summary>
    public IReadOnlyList<int> Malicious { get; }

    /// <summary>Number of updates in the round (n).</summary>
    public int Count => _updates.Count;

    /// <summary>Number of trainable coordinates (d).</summary>
    public int Dimension => _globalTrainable.Length;

    /// <summary>The update at a position.</summary>
    public ClientUpdate this[int index] => _updates[index];

    /// <summary>Δᵢ over the trainable parameters (computed once; do not change it).</summary>
    public float[] Delta(int index)
    {
        if (_deltas[index] is { } cached)
        {
            return cached;
        }

        var w = _context.Layout.GatherTrainable(_updates[index].Weights);
        System.Numerics.Tensors.TensorPrimitives.Subtract(w, _globalTrainable, w);
        _deltas[index] = w;
        return w;
    }

    /// <summary>
    /// The deltas the attacker takes its statistics from: the benign ones; when every client of the round is
    /// malicious, the attackers' own honest deltas stand in (ALIE's partial-knowledge setting).
    /// </summary>
    public IReadOnlyList<float[]> ReferenceDeltas() =>
        (Benign.Count > 0 ? Benign : Malicious).Select(Delta).ToArray();

    /// <summary>The update at <paramref name="index"/> with its trainable parameters set to G + <paramref name="delta"/> (buffers kept).</summary>
    public ClientUpdate WithDelta(int index, ReadOnlySpan<float> delta)
    {
        var u = _updates[index];
        var trainable = new float[_globalTrainable.Length];
        System.Numerics.Tensors.TensorPrimitives.Add(_globalTrainable, delta, trainable);
        var w = (float[])u.Weights.Clone();
        _context.Layout.ScatterTrainable(trainable, w);
        return u.WithWeights(w);
    }

    /// <summary>The round's updates in order, each malicious one replaced by <paramref name="forge"/>(position).</summary>
    public IReadOnlyList<ClientUpdate> ReplaceMalicious(Func<int, ClientUpdate> forge)
    {
        var result = _updates.ToArray();
        foreach (var i in Malicious)
        {
            result[i] = forge(i);
        }

        return result;
    }
}
