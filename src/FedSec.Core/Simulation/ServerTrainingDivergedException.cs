namespace FedSec.Simulation;

/// <summary>
/// Thrown out of <see cref="Stages.RoundContext.ServerTrainer"/> when the server's own training on its root set
/// returns a non-finite model, so that the defense calling it stops and <see cref="Experiment"/> records a divergence
/// instead of blaming the defense for a non-finite output.
/// </summary>
internal sealed class ServerTrainingDivergedException : Exception
{
    public ServerTrainingDivergedException(string message, float[] weights)
        : base(message)
    {
        Weights = weights;
    }

    /// <summary>The non-finite model the server's training returned.</summary>
    public float[] Weights { get; }
}
