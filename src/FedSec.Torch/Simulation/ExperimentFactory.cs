using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Components;
using FedSec.Simulation;
using FedSec.Simulation.Metrics;
using FedSec.Stages;
using FedSec.Torch.Models;

namespace FedSec.Torch.Simulation;

/// <summary>
/// Assembles a runnable experiment from a configuration: reads and validates it against the registered components,
/// models and data sets, loads (fetching it with <see cref="Fetcher"/> when missing) and partitions the data, and
/// creates the TorchSharp backend.
/// </summary>
public sealed class ExperimentFactory
{
    /// <summary>Creates a factory over the given components and models.</summary>
    public ExperimentFactory(ComponentRegistry components, ModelCatalog models)
    {
        Components = components;
        Models = models;
    }

    /// <summary>The attacks and defenses a configuration may name.</summary>
    public ComponentRegistry Components { get; }

    /// <summary>The models a configuration may name.</summary>
    public ModelCatalog Models { get; }

    /// <summary>
    /// Threads for TorchSharp's operations during a run. Summation order inside libtorch depends on it, so the same
    /// config and seed give the same numbers on every machine only at the same setting; the default is fixed (1)
    /// rather than the machine's core count for that reason. More threads are faster on an idle multi-core machine.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int TensorThreads { get; set; } = 1;

    /// <summary>
    /// How many clients train at once, each on its own model instance and thread (the models that cannot, train one at a
    /// time: see <see cref="TorchModelBackend"/>). The numbers do not depend on it. With several tensor threads as well,
    /// the machine is oversubscribed; the CLI uses one or the other.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int ConcurrentClients { get; set; } = 1;

    /// <summary>
    /// Fetches a data set whose files are missing, when the data set is fetched implicitly (MNIST); null (the default)
    /// fetches nothing, and missing files are an error that says where they belong.
    /// </summary>
    public IDatasetFetcher? Fetcher { get; set; }

    /// <summary>
    /// Language models on text corpora (FedSec.Language's, set by the CLI); null (the default): only image models and
    /// image data sets are known.
    /// </summary>
    public ILanguageExperiments? Language { get; set; }

    /// <summary>A factory over every built-in attack, defense and model.</summary>
    public static ExperimentFactory CreateDefault() => new(TorchComponents.CreateRegistry(), ModelCatalog.CreateBuiltIn());

    /// <summary>
    /// Validates a parsed configuration and creates its attack and defenses; then checks that the model takes the data
    /// set's images and what the data set says about the other keys (<see cref="DatasetConfigCheck"/>), adding its
    /// warnings. Throws <see cref="ConfigException"/> listing every problem.
    /// </summary>
    public ExperimentSetup Bind(ConfigNamespace config)
    {
        var modelNames = Language is null ? Models.Names : [.. Models.Names, .. Language.ModelNames];
        var datasetNames = Language is null ? DatasetCatalog.Names : [.. DatasetCatalog.Names, .. TextCorpusCatalog.Names];
        var setup = ExperimentBinder.Bind(config, Components, modelNames, datasetNames);
        if (Language is { } language && (TextCorpusCatalog.IsKnown(setup.Config.Dataset) || language.ModelNames.Contains(setup.Config.Model)))
        {
            var textProblems = TextMisfit(setup.Config, language).Concat(DataKindCheck.Check(setup, DataKind.TokenSequences)).Concat(language.Check(setup.Config)).ToList();
            return textProblems.Count > 0 ? throw new ConfigException(textProblems) : setup;
        }

        var (problems, warnings) = DatasetConfigCheck.Check(setup.Config);
        var all = problems.Concat(DataKindCheck.Check(setup, DataKind.Images)).ToList();
        if (DatasetCatalog.IsKnown(setup.Config.Dataset) && DatasetCatalog.Info(setup.Config.Dataset).NonImageSamples is { } samples)
        {
            all.AddRange(DataKindCheck.CheckNonImageSamples(setup, samples));
        }

        if (ModelMisfit(setup.Config) is { } misfit)
        {
            all.Insert(0, misfit);
        }

        all.AddRange(ProbeModelCheck.Check(setup, Models));

        if (all.Count > 0)
        {
            throw new ConfigException(all);
        }

        return warnings.Count == 0 ? setup : setup with { Warnings = [.. setup.Warnings, .. warnings] };
    }

    /// <summary>The vocabulary's home section of each key, for <c>--set</c> overrides.</summary>
    public IReadOnlyDictionary<string, string> KeyHomes() => ConfigVocabulary.KeyHomes(Components);

    /// <summary>Loads the data, partitions it and creates the backend; the caller disposes the result.</summary>
    public PreparedExperiment Prepare(ExperimentSetup setup, string? dataDirOverride = null, IProgress<FetchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (TensorThreads < 1)
        {
            throw new InvalidOperationException($"TensorThreads is {TensorThreads}; at least one tensor thread is needed.");
        }

        if (ConcurrentClients < 1)
        {
            throw new InvalidOperationException($"ConcurrentClients is {ConcurrentClients}; at least one is needed.");
        }

        TorchSharp.torch.set_num_threads(TensorThreads);
        var config = setup.Config;
        string dataDir = DataDirectory.Resolve(dataDirOverride ?? (string.IsNullOrWhiteSpace(config.DataCacheDir) ? null : config.DataCacheDir));
        if (Language is { } language && TextCorpusCatalog.IsKnown(config.Dataset))
        {
            if (config.MaliciousClientsWithoutData)
            {
                throw new ConfigException("attack_args.malicious_clients_without_data", $"is true, but the text corpus {config.Dataset} is split by its own partition, which does not leave clients without data; use malicious_clients_without_data: false.");
            }

            return PrepareText(setup, language, dataDir, progress);
        }

        var split = DatasetCatalog.Load(config.Dataset, dataDir, Fetcher, progress, config.ClientNumInTotal);
        int rootSize = setup.Defenses.Select(d => d.Instance).OfType<INeedsServerData>().Select(d => d.RootSetSize).DefaultIfEmpty(0).Max();
        var withoutData = config.MaliciousClientsWithoutData ? AdversarySchedule.FixedIdentitiesOf(config, setup.Attack?.Instance) : null;
        var data = ExperimentDataBuilder.Build(config, split, rootSize, withoutData);
        TorchModelBackend backend;
        try
        {
            backend = new TorchModelBackend(Models.Get(config.Model), split.Info, ConcurrentClients);
        }
        catch (ArgumentException e)
        {
            throw new ConfigException("model_args.model", $"'{config.Model}' cannot take {split.Info.Name}'s {split.Info.Channels}×{split.Info.Height}×{split.Info.Width} images: {e.Message}");
        }

        var experiment = new Experiment(setup, backend, data);
        if (config.InitialModel is { } initial)
        {
            try
            {
                experiment.InitialGlobal = InitialModelFile.Load(initial, backend.Layout, config.Model);
            }
            catch
            {
                backend.Dispose();
                throw;
            }
        }

        foreach (var metric in StandardMetrics.For(setup, data.Test))
        {
            experiment.AddMetric(metric);
        }

        return new PreparedExperiment(experiment, backend, split, data);
    }

    private static PreparedExperiment PrepareText(ExperimentSetup setup, ILanguageExperiments language, string dataDir, IProgress<FetchProgress>? progress)
    {
        var (backend, data) = language.Prepare(setup, dataDir, progress);
        try
        {
            var experiment = new Experiment(setup, backend, data);
            if (setup.Config.InitialModel is { } initial)
            {
                experiment.InitialGlobal = InitialModelFile.Load(initial, backend.Layout, setup.Config.Model);
            }

            foreach (var metric in StandardMetrics.For(setup, data.Test))
            {
                experiment.AddMetric(metric);
            }

            return new PreparedExperiment(experiment, backend, null, data);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>A language model on image data, or an image model on a text corpus: the key to change, and what fits.</summary>
    private static IEnumerable<ConfigProblem> TextMisfit(ExperimentConfig config, ILanguageExperiments language)
    {
        bool text = TextCorpusCatalog.IsKnown(config.Dataset), lm = language.ModelNames.Contains(config.Model);
        if (text && !lm)
        {
            yield return new ConfigProblem(
                config.Namespace.Find(EngineParameters.Model.Key, ConfigSections.Model)?.QualifiedKey ?? $"{ConfigSections.Model}.{EngineParameters.Model.Key}",
                $"'{config.Model}' is an image model; the text corpus {config.Dataset} takes a language model: {string.Join(", ", language.ModelNames)}.");
        }
        else if (lm && !text)
        {
            yield return new ConfigProblem(
                config.Namespace.Find(EngineParameters.Dataset.Key, ConfigSections.Data)?.QualifiedKey ?? $"{ConfigSections.Data}.{EngineParameters.Dataset.Key}",
                $"'{config.Dataset}' is an image data set; {config.Model} trains on a text corpus: {string.Join(", ", TextCorpusCatalog.Names)}.");
        }
    }

    /// <summary>The problem of a model that cannot take the data set's images, naming the models that can; null when it fits.</summary>
    private ConfigProblem? ModelMisfit(ExperimentConfig config)
    {
        if (!Models.Contains(config.Model) || !DatasetCatalog.IsKnown(config.Dataset))
        {
            return null;
        }

        var info = DatasetCatalog.Info(config.Dataset);
        var shape = new ImageShape(info.Channels, info.Height, info.Width);
        string key = config.Namespace.Find(EngineParameters.Model.Key, ConfigSections.Model)?.QualifiedKey ?? $"{ConfigSections.Model}.{EngineParameters.Model.Key}";
        if (info.Models is { } only && !only.Contains(Models.Get(config.Model).Name))
        {
            return new ConfigProblem(
                key,
                $"'{config.Model}' does not take {info.Name}'s {info.NonImageSamples ?? shape.ToString()}; FedML trains {info.Name} with {string.Join(" or ", only)}, and so does FedSec.");
        }

        if (Models.Get(config.Model).Misfit(shape) is not { } reason)
        {
            return null;
        }

        var fitting = Models.Models.Where(m => m.Misfit(shape) is null).Select(m => m.Name);
        return new ConfigProblem(
            key,
            $"'{config.Model}' does not fit {info.Name}'s {shape} images: {reason}. Models that take them: {string.Join(", ", fitting)}.");
    }
}
