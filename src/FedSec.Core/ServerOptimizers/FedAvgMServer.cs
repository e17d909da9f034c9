using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>
/// FedAvgM (Hsu, Qi and Brown, 2019): server momentum on the pseudo-gradient, v ← βv + Δ, G ← G + η·v.
/// </summary>
internal sealed class FedAvgMServer : IServerOptimizer, Stages.ICrossRoundState
{
    private readonly double _lr;
    private readonly double _beta;
    private float[]? _velocity;

    public FedAvgMServer(double lr, double beta)
    {
        _lr = lr;
        _beta = beta;
    }

    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout)
    {
        _velocity ??= new float[global.Length];
        var next = (float[])aggregate.Clone();
        foreach (var e in layout.Entries)
        {
            if (e.Kind != ParameterKind.Trainable)
            {
                continue;
            }

            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                float delta = aggregate[j] - global[j];
                _velocity[j] = (float)((_beta * _velocity[j]) + delta);
                next[j] = (float)(global[j] + (_lr * _velocity[j]));
            }
        }

        return next;
    }

    public void WriteState(BinaryWriter writer) => Stages.StateVectors.Write(writer, _velocity);

    public void ReadState(BinaryReader reader) => _velocity = Stages.StateVectors.Read(reader);
}
