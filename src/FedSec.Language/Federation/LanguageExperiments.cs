using FedSec.Attacks.TextBackdoor;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Language.Checkpoints;
using FedSec.Language.Lora;
using FedSec.Language.Models;
using FedSec.Language.Pretraining;
using FedSec.Language.Text;
using FedSec.Randomness;
using FedSec.Setup;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Simulation;
using static TorchSharp.torch;
using P = FedSec.Configuration.EngineParameters;
using S = FedSec.Configuration.ConfigSections;

namespace FedSec.Language.Federation;

/// <summary>
/// Federated fine-tuning of <c>gpt_neox</c> on a text corpus (FedML FedLLM's setting): the base model comes from
/// <c>model_args.model_path</c> (a Hugging Face directory or <c>fedsec lm pretrain</c>'s output) or
/// <c>model_args.pretrain</c> (a pretraining configuration, whose cached model is used, pretrained first when missing);
/// the corpus is tokenized with the model's tokenizer, whole documents are held out per group for the test split, the
/// training sequences are partitioned among the clients (natural groups, IID or Dirichlet over groups), and LoRA
/// adapters (<c>lora_args</c>) are attached.
/// </summary>
public sealed class LanguageExperiments : ILanguageExperiments
{
    /// <summary>The name of the GPT-NeoX model in configurations.</summary>
    public const string GptNeoXName = "gpt_neox";

    private readonly Func<string, string, IProgress<FetchProgress>?, Task>? _fetchCorpus;

    /// <summary>Creates the provider; <paramref name="fetchCorpus"/> (corpus, data dir, progress) fetches a missing corpus, or null to report it missing.</summary>
    public LanguageExperiments(Func<string, string, IProgress<FetchProgress>?, Task>? fetchCorpus = null) => _fetchCorpus = fetchCorpus;

    /// <inheritdoc />
    public IReadOnlyList<string> ModelNames { get; } = [GptNeoXName];

    /// <inheritdoc />
    public IReadOnlyList<ConfigProblem> Check(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>();
        string Key(Configuration.Parameters.IParameter p, string section) => config.Namespace.Find(p.Key, section)?.QualifiedKey ?? $"{section}.{p.Key}";
        if (config.ModelPath is null && config.Pretrain is null)
        {
            problems.Add(new ConfigProblem(Key(P.ModelPath, S.Model), $"{config.Model} needs a base model: model_args.model_path (a model directory) or model_args.pretrain (a `fedsec lm pretrain` configuration)."));
        }
        else if (config.ModelPath is not null && config.Pretrain is not null)
        {
            problems.Add(new ConfigProblem(Key(P.Pretrain, S.Model), "names a base model, and so does model_args.model_path; set one of them."));
        }
        else if (config.ModelPath is { } path && !Directory.Exists(path))
        {
            problems.Add(new ConfigProblem(Key(P.ModelPath, S.Model), $"the directory '{path}' does not exist; it holds config.json, model.safetensors and tokenizer.json (or vocabulary.json)."));
        }
        else if (config.Pretrain is { } pretrain)
        {
            try
            {
                _ = ReadPretrain(pretrain);
            }
            catch (Exception e) when (e is LanguageModelException or IOException or UnauthorizedAccessException)
            {
                problems.Add(new ConfigProblem(Key(P.Pretrain, S.Model), $"'{pretrain}' is not a usable pretraining configuration: {e.Message}"));
            }
        }

        foreach (string t in config.TargetModules.Where(t => !LoraOptions.TargetNames.Contains(t, StringComparer.Ordinal)))
        {
            problems.Add(new ConfigProblem(Key(P.TargetModules, S.Lora), $"'{t}' is not a GPT-NeoX linear layer; the layers are {string.Join(", ", LoraOptions.TargetNames)}."));
        }

        if (config.Namespace.Find(P.ClientOptimizer.Key, S.Train) is not null && config.ClientOptimizer != ClientOptimizer.AdamW)
        {
            problems.Add(new ConfigProblem(Key(P.ClientOptimizer, S.Train), $"{config.Model} trains with adamw (FedLLM's optimizer); sgd and adam are for image models."));
        }

        if (config.FederatedOptimizer == FederatedOptimizer.FedProx)
        {
            problems.Add(new ConfigProblem(Key(P.FederatedOptimizer, S.Train), $"FedProx's proximal term is not implemented for {config.Model}; use FedAvg, FedAvgM, FedAdam, FedNova, FedSGD, FedAsync or FedBuff."));
        }

        return problems;
    }

    /// <summary>The local training a configuration asks for; the learning rate is FedLLM's 3e-4 unless <c>learning_rate</c> is set.</summary>
    public static LanguageTraining TrainingOf(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        double lr = config.Namespace.Find(P.LearningRate.Key, S.Train) is null ? LanguageTraining.DefaultLearningRate : config.LearningRate;
        return new LanguageTraining(config.LocalSteps, config.Epochs, config.BatchSize, lr, config.WeightDecay, config.MaxGradNorm);
    }

    /// <inheritdoc />
    public (IModelBackend Backend, ExperimentData Data) Prepare(ExperimentSetup setup, string dataDir, IProgress<FetchProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var config = setup.Config;
        var seeds = new SeedStreams(config.RandomSeed);
        string directory = BaseDirectory(config, dataDir, progress);
        GptNeoX model;
        LanguageTokenizer tokenizer;
        try
        {
            model = LanguageModelDirectory.LoadModel(directory);
            tokenizer = LanguageModelDirectory.LoadTokenizer(directory, model.Config);
        }
        catch (LanguageModelException e)
        {
            throw new ConfigException(config.ModelPath is null ? $"{S.Model}.{P.Pretrain.Key}" : $"{S.Model}.{P.ModelPath.Key}", $"{e.Origin}: {Problem(e)}");
        }

        try
        {
            if (config.SequenceLength > model.Config.MaxPositions)
            {
                throw new ConfigException($"{S.Data}.{P.SequenceLength.Key}", $"{config.SequenceLength} tokens exceed the model's max_position_embeddings of {model.Config.MaxPositions}; use at most {model.Config.MaxPositions}.");
            }

            if (setup.Attack?.Instance is ITextBackdoorAttack backdoor)
            {
                TokenizeBackdoor(backdoor, tokenizer, config.SequenceLength);
            }

            var data = Partition(config, Documents(config.Dataset, dataDir, progress), tokenizer, seeds);
            return (CreateBackend(config, model), data);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The backend over <paramref name="model"/> (which it then owns) for <paramref name="config"/>: LoRA adapters attached
    /// per <c>lora_args</c> (the base frozen), or every parameter trainable when <c>peft_type</c> is none.
    /// </summary>
    /// <exception cref="ConfigException">The LoRA settings do not fit the model; names the key.</exception>
    public static LanguageModelBackend CreateBackend(ExperimentConfig config, GptNeoX model)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(model);
        bool lora = config.PeftType == PeftType.Lora;
        if (lora)
        {
            using var generator = new Generator((ulong)(uint)new SeedStreams(config.RandomSeed).DeriveInt("lora-init"));
            try
            {
                LoraAdapters.Attach(model, new LoraOptions { Rank = config.LoraR, Alpha = config.LoraAlpha, Dropout = config.LoraDropout, Targets = config.TargetModules }, generator);
            }
            catch (LanguageModelException e)
            {
                throw new ConfigException(e.Origin, Problem(e));
            }
        }
        else
        {
            foreach (var p in model.parameters())
            {
                p.requires_grad = true;
            }
        }

        return new LanguageModelBackend(model, TrainingOf(config), lora);
    }

    /// <summary>
    /// Gives <paramref name="attack"/> the token ids of its trigger and target (each phrase tokenized on its own), after
    /// checking that each has tokens, none is the unknown id of a cut vocabulary (the model could not tell such a word from
    /// any other unknown one), and prompt, trigger and target fit in a sequence.
    /// </summary>
    /// <exception cref="ConfigException">A phrase or the prompt length does not fit; names the key.</exception>
    public static void TokenizeBackdoor(ITextBackdoorAttack attack, LanguageTokenizer tokenizer, int sequenceLength)
    {
        ArgumentNullException.ThrowIfNull(attack);
        ArgumentNullException.ThrowIfNull(tokenizer);
        int[] Tokens(string phrase, string key)
        {
            var ids = tokenizer.Encode(phrase);
            if (ids.Length == 0)
            {
                throw new ConfigException($"{S.Attack}.{key}", $"'{phrase}' gives no tokens; give a phrase of at least one word.");
            }

            if (tokenizer.UnknownId is { } unknown && ids.Contains(unknown))
            {
                throw new ConfigException($"{S.Attack}.{key}", $"'{phrase}' holds text outside the model's cut vocabulary of {tokenizer.VocabularySize} ids (it tokenizes to {string.Join(", ", ids)}, where {unknown} is the unknown id); choose words the pretraining corpus uses.");
            }

            return ids;
        }

        var trigger = Tokens(attack.TriggerPhrase, TextBackdoorOptions.TriggerKey.Key);
        var target = Tokens(attack.TargetContinuation, TextBackdoorOptions.TargetKey.Key);
        int needed = attack.PromptLength + trigger.Length + target.Length;
        if (needed > sequenceLength)
        {
            throw new ConfigException(
                $"{S.Attack}.{TextBackdoorOptions.PromptLengthKey.Key}",
                $"{attack.PromptLength} prompt tokens, {trigger.Length} trigger tokens and {target.Length} target tokens need {needed}, more than data_args.sequence_length = {sequenceLength}; use a prompt_length of at most {Math.Max(0, sequenceLength - trigger.Length - target.Length)}.");
        }

        attack.UseTokens(trigger, target);
    }

    // The exception's message without its "origin: " prefix, which the configuration problem names as its key.
    private static string Problem(LanguageModelException e) =>
        e.Message.StartsWith(e.Origin + ": ", StringComparison.Ordinal) ? e.Message[(e.Origin.Length + 2)..] : e.Message;

    private static PretrainOptions ReadPretrain(string path) => PretrainOptionsReader.Parse(File.ReadAllText(path), path);

    private string BaseDirectory(ExperimentConfig config, string dataDir, IProgress<FetchProgress>? progress)
    {
        if (config.ModelPath is { } path)
        {
            return path;
        }

        var options = ReadPretrain(config.Pretrain!);
        string directory = Pretrainer.ModelDirectory(options, dataDir);
        if (!File.Exists(Path.Combine(directory, Pretrainer.RecordFileName)))
        {
            Pretrainer.Run(options, Documents(options.Corpus, dataDir, progress), dataDir);
        }

        return directory;
    }

    private IReadOnlyList<TextDocument> Documents(string corpus, string dataDir, IProgress<FetchProgress>? progress)
    {
        corpus = TextCorpusCatalog.CanonicalName(corpus);
        if (!TextCorpusCatalog.IsPresent(corpus, dataDir))
        {
            if (_fetchCorpus is null)
            {
                throw new ConfigException($"{S.Data}.{P.Dataset.Key}", TextCorpusCatalog.Instructions(corpus, dataDir));
            }

            _fetchCorpus(corpus, dataDir, progress).GetAwaiter().GetResult();
        }

        string directory = TextCorpusCatalog.CorpusDirectory(corpus, dataDir);
        return corpus == TextCorpusCatalog.Brown ? BrownCorpus.Read(directory) : SotuCorpus.Read(directory, SotuGrouping.Era);
    }

    private static ExperimentData Partition(ExperimentConfig config, IReadOnlyList<TextDocument> documents, LanguageTokenizer tokenizer, SeedStreams seeds)
    {
        var (train, test) = CorpusTokens.Split(documents, tokenizer, config.SequenceLength, config.TestFraction, seeds.Random("held-out-documents"));
        train = Sample(train, config.TrainSamples, $"{S.Data}.{P.TrainSamples.Key}", seeds.Random("train-subset"));
        test = Sample(test, config.TestSamples, $"{S.Data}.{P.TestSamples.Key}", seeds.Random("test-subset"));
        int[][] parts;
        try
        {
            parts = Partitioners.Create(config.PartitionMethod, config.PartitionAlpha, config.ShardsPerClient)
                .Partition(train.Groups, train.GroupNames.Count, config.ClientNumInTotal, seeds.Random("partition"));
        }
        catch (ArgumentException e)
        {
            throw new ConfigException($"{S.Data}.{P.PartitionMethod.Key}", $"The {P.PartitionMethod.Word(config.PartitionMethod)} partition of {train.Count} sequences in {train.GroupNames.Count} groups among {config.ClientNumInTotal} clients is impossible: {e.Message}");
        }

        return new ExperimentData(parts.Select(p => (IClientDataset)train.Subset(p)).ToArray(), test) { SourceFingerprint = DataFingerprint.Of(documents) };
    }

    private static TokenSequenceSet Sample(TokenSequenceSet set, int count, string key, Random random)
    {
        if (count == 0 || count == set.Count)
        {
            return set;
        }

        if (count > set.Count)
        {
            throw new ConfigException(key, $"{count} sequences asked for, but the split holds only {set.Count}; use at most {set.Count}, or 0 for all.");
        }

        return set.Subset(random.Permutation(set.Count).Take(count).Order().ToArray());
    }
}
