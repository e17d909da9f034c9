using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Torch.Simulation;

/// <summary>An experiment ready to run, with its backend (disposed with it) and its data.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Backend">The TorchSharp backend.</param>
/// <param name="Split">The loaded data set.</param>
/// <param name="Data">The per-client split.</param>
public sealed record PreparedExperiment(Experiment Experiment, TorchModelBackend Backend, DatasetSplit Split, ExperimentData Data) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Backend.Dispose();
}
