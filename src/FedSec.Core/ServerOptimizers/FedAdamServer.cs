using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedAdam (Reddi et al., "Adaptive federated optimization", ICLR 2021): m ← β₁m + (1 − β₁)Δ,
/// v ← β₂v + (1 − β₂)Δ², G ← G + η·m / (√v + τ).
/// </summary>
internal sealed class FedAdamServer : IServerOptimizer, Stages.ICrossRoundState
{
    private readonly double _lr;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _tau;
    private float[]? _m;
    private float[]? _v;

    public FedAdamServer(double lr, double beta1, double beta2, double tau)
    {
        _lr = lr;
        _beta1 = beta1;
        _beta2 = beta2;
        _tau = tau;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        _m ??= new float[global.Length];
        _v ??= new float[global.Length];
        var next = (float[])aggregate.Clone();
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                double delta = aggregate[j] - global[j];
                _m[j] = (float)((_beta1 * _m[j]) + ((1 - _beta1) * delta));
                _v[j] = (float)((_beta2 * _v[j]) + ((1 - _beta2) * delta * delta));
                next[j] = (float)(global[j] + (_lr * _m[j] / (Math.Sqrt(_v[j]) + _tau)));
            }
        }

        return next;
    }

    public void WriteState(BinaryWriter writer)
    {
        Stages.StateVectors.Write(writer, _m);
        Stages.StateVectors.Write(writer, _v);
    }

    public void ReadState(BinaryReader reader)
    {
        _m = Stages.StateVectors.Read(reader);
        _v = Stages.StateVectors.Read(reader);
    }
}
