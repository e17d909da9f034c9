namespace FedSec.Simulation;

/// <summary>A measurement taken whenever the global model is evaluated (attack success rate, per-class recall, ...).</summary>
public interface IRoundMetric
{
    /// <summary>Adds named values to <paramref name="metrics"/> for the new global model.</summary>
    void Compute(float[] global, Evaluation evaluation, IModelBackend backend, IDictionary<string, double> metrics);
}
