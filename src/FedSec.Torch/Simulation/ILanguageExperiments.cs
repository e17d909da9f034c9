using FedSec.Configuration;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Simulation;

namespace FedSec.Torch.Simulation;

/// <summary>
/// Language models on text corpora, for <see cref="ExperimentFactory"/>: FedSec.Language implements it (that project
/// builds on this one), and the CLI hands it to the factory. The factory asks it about configurations whose model is one
/// of <see cref="ModelNames"/> or whose data set is a text corpus.
/// </summary>
public interface ILanguageExperiments
{
    /// <summary>The language models a configuration may name (<c>gpt_neox</c>).</summary>
    IReadOnlyList<string> ModelNames { get; }

    /// <summary>Every problem of the language keys (model, its base, LoRA, training) of a bound configuration; empty when they fit.</summary>
    IReadOnlyList<ConfigProblem> Check(ExperimentConfig config);

    /// <summary>Loads and partitions the corpus and loads the base model into a backend; the caller disposes the backend.</summary>
    /// <exception cref="ConfigException">A file or setting does not fit; names the key.</exception>
    (IModelBackend Backend, ExperimentData Data) Prepare(ExperimentSetup setup, string dataDir, IProgress<FetchProgress>? progress);
}
