using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Language.Checkpoints;
using FedSec.Language.Federation;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Testing;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Language;

/// <summary>
/// A tiny federated fine-tuning for tests: a randomly initialised <see cref="TinyGptNeoX"/> written as a Hugging Face
/// checkpoint, bound through the experiment factory with FedSec.Language's provider, and random token sequences for 3
/// clients and a test set.
/// </summary>
internal sealed class TextFederation : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TextFederation()
    {
        using var model = TinyGptNeoX.Create(seed: 5);
        HfCheckpoint.Save(model, _dir.Path);
        Factory = ExperimentFactory.CreateDefault();
        Factory.Language = new LanguageExperiments();
    }

    public ExperimentFactory Factory { get; }

    public string ModelPath => _dir.Path;

    /// <summary>A text configuration over the tiny model, with <paramref name="extra"/> YAML sections appended.</summary>
    public string Yaml(string extra = "", int clients = 3) => $"""
        common_args:
          random_seed: 3
        data_args:
          dataset: sotu
          partition_method: natural
          sequence_length: 8
        model_args:
          model: gpt_neox
          model_path: "{ModelPath}"
        lora_args:
          lora_r: 2
          lora_alpha: 4
          lora_dropout: 0.05
        train_args:
          client_num_in_total: {clients}
          client_num_per_round: {clients}
          comm_round: 2
          local_steps: 2
          batch_size: 2
          learning_rate: 0.01
        {extra}
        """;

    public ExperimentSetup Bind(string yaml) => Factory.Bind(ConfigReader.Parse(yaml, "t.yaml"));

    /// <summary>The backend over the saved model for <paramref name="setup"/>; the caller disposes it.</summary>
    public LanguageModelBackend Backend(ExperimentSetup setup) =>
        LanguageExperiments.CreateBackend(setup.Config, LanguageModelDirectory.LoadModel(ModelPath));

    /// <summary><paramref name="clients"/> clients of 6 random sequences of 8 tokens (each client its own group) and 4 test sequences.</summary>
    public static ExperimentData Data(int clients = 3)
    {
        var random = new Random(11);
        var groups = Enumerable.Range(0, clients).Select(i => $"{1790 + (10 * i)}s").ToArray();
        TokenSequenceSet Set(int count, int group) => new(
            Enumerable.Range(0, count * 8).Select(_ => random.Next(TinyGptNeoX.Config().VocabularySize)).ToArray(),
            Enumerable.Repeat(group, count).ToArray(),
            8,
            TinyGptNeoX.Config().VocabularySize,
            groups);
        return new ExperimentData(Enumerable.Range(0, clients).Select(i => (IClientDataset)Set(6, i)).ToArray(), Set(4, 0));
    }

    public ExperimentResult Run(ExperimentSetup setup)
    {
        using var backend = Backend(setup);
        return new Experiment(setup, backend, Data(setup.Config.ClientNumInTotal)).Run();
    }

    public void Dispose() => _dir.Dispose();
}
