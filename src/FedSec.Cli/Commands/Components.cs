using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Components;
using FedSec.Torch.Models;
using FedSec.Privacy;
using FedSec.Fetch;
using FedSec.Language.Federation;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Commands;

/// <summary>What the CLI can list and run: components (Core's, Torch's reconstruction attacks, Privacy's sections), models and data sets.</summary>
internal static class Components
{
    public static ComponentRegistry CreateRegistry() => PrivacyComponents.Register(TorchComponents.CreateRegistry());

    /// <summary>The experiment factory over <see cref="CreateRegistry"/> and the built-in models.</summary>
    public static ExperimentFactory CreateFactory() => new(CreateRegistry(), ModelCatalog.CreateBuiltIn())
    {
        Language = new LanguageExperiments((corpus, dataDir, progress) => TextCorpusFetcher.FetchAsync(corpus, dataDir, progress)),
    };

    public static IReadOnlyList<(string Name, string Description)> Models() =>
        ModelCatalog.CreateBuiltIn().Models.Select(m => (m.Name, m.Summary))
            .Append((LanguageExperiments.GptNeoXName, "GPT-NeoX (Pythia's architecture) fine-tuned with LoRA on a text corpus; base from model_args.model_path or model_args.pretrain"))
            .ToArray();

    public static IReadOnlyList<(string Name, string Description)> Datasets() =>
        DatasetCatalog.Names.Select(n => (n, DatasetCatalog.Description(n)))
            .Concat(TextCorpusCatalog.Names.Select(n => (n, TextCorpusCatalog.Description(n))))
            .ToArray();
}
