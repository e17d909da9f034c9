namespace FedSec.ServerOptimizers;

/// <summary>
/// Turns the round's aggregate into the next global model (FedOpt, Reddi et al. ICLR 2021): the pseudo-gradient
/// is Δ = aggregate − G. Acts on trainable parameters; buffers take the aggregate as it is.
/// </summary>
public interface IServerOptimizer
{
    /// <summary>The next global model from the current one and the round's aggregate.</summary>
    float[] Step(ReadOnlySpan<float> global, float[] aggregate, Parameters.ParameterLayout layout);
}
