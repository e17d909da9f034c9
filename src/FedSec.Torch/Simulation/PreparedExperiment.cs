using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Torch.Simulation;

/// <summary>An experiment ready to run, with its backend (disposed with it) and its data.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="Backend">The model backend: TorchSharp's image backend, or a language model's.</param>
/// <param name="Split">The loaded image data set; null for a text corpus.</param>
/// <param name="Data">The per-client split.</param>
public sealed record PreparedExperiment(Experiment Experiment, IModelBackend Backend, DatasetSplit? Split, ExperimentData Data) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Backend.Dispose();
}
