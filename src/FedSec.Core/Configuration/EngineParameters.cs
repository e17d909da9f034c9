using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>
/// The keys the engine reads, each declared once with its type, bounds, default (that of
/// <see cref="ExperimentConfig"/>) and home section. Attack and defense keys belong to their components.
/// </summary>
public static class EngineParameters
{
    private static readonly ExperimentConfig Defaults = new();

    /// <summary><c>common_args.random_seed</c>.</summary>
    public static readonly LongParameter RandomSeed = new("random_seed", Defaults.RandomSeed, "Seed every random draw derives from (with round and client).");

    /// <summary><c>data_args.dataset</c>: checked against the data sets the engine knows.</summary>
    public static readonly StringParameter Dataset = new("dataset", Defaults.Dataset, "Data set name (see the data sets listed by `fedsec list`).");

    /// <summary><c>data_args.data_cache_dir</c>.</summary>
    public static readonly StringParameter DataCacheDir = new("data_cache_dir", string.Empty, "Directory holding the data sets; empty for the per-user default.");

    /// <summary><c>data_args.partition_method</c>.</summary>
    public static readonly ChoiceParameter<Configuration.PartitionMethod> PartitionMethod = new(
        "partition_method",
        Defaults.PartitionMethod,
        "How training data is split among clients: IID, Dirichlet label skew (text: skew over the corpus's groups), label shards (images), or a text corpus's natural groups (Brown by genre, SOTU by era).",
        ("homo", Configuration.PartitionMethod.Homo),
        ("hetero", Configuration.PartitionMethod.Hetero),
        ("shards", Configuration.PartitionMethod.Shards),
        ("natural", Configuration.PartitionMethod.Natural));

    /// <summary><c>data_args.partition_alpha</c>.</summary>
    public static readonly DoubleParameter PartitionAlpha = new("partition_alpha", Defaults.PartitionAlpha, "Dirichlet concentration of the hetero partition (smaller = more skewed).", min: 0, minExclusive: true);

    /// <summary><c>data_args.shards_per_client</c>.</summary>
    public static readonly IntParameter ShardsPerClient = new("shards_per_client", Defaults.ShardsPerClient, "Label shards per client (shards partition).", min: 1);

    /// <summary><c>data_args.train_samples</c> (FedSec's): train on a seeded subset; 0 = the whole training set.</summary>
    public static readonly IntParameter TrainSamples = new("train_samples", Defaults.TrainSamples, "Use a seeded random subset of this many training samples (0 = all); for quick runs and benchmark grids.", min: 0);

    /// <summary><c>data_args.test_samples</c> (FedSec's): evaluate on a seeded subset; 0 = the whole test set.</summary>
    public static readonly IntParameter TestSamples = new("test_samples", Defaults.TestSamples, "Evaluate on a seeded random subset of this many test samples (0 = all).", min: 0);

    /// <summary><c>model_args.model</c>: checked against the models the engine knows.</summary>
    public static readonly StringParameter Model = new("model", Defaults.Model, "Model name (see the models listed by `fedsec list`).");

    /// <summary><c>model_args.initial_model</c> (FedSec's): start from saved weights instead of a fresh initialisation.</summary>
    public static readonly StringParameter InitialModel = new("initial_model", "", "FedSec: a .npy vector of the model's d weights (as `fedsec run --save-model` writes final_model.npy) to start the global model from, instead of a fresh initialisation; e.g. to attack or defend a trained model. Empty: a fresh model.");

    /// <summary><c>data_args.sequence_length</c> (text corpora).</summary>
    public static readonly IntParameter SequenceLength = new("sequence_length", Defaults.SequenceLength, "Text corpora: tokens per training and test sequence (documents are cut into windows of this length).", min: 2);

    /// <summary><c>data_args.test_fraction</c> (FedSec's, text corpora).</summary>
    public static readonly DoubleParameter TestFraction = new("test_fraction", Defaults.TestFraction, "Text corpora: share of each group's documents held out as the test split (whole documents).", min: 0, minExclusive: true, max: 1, maxExclusive: true);

    /// <summary><c>model_args.model_path</c> (FedLLM's <c>model_name_or_path</c>, a local directory).</summary>
    public static readonly StringParameter ModelPath = new("model_path", "", "gpt_neox: a model directory (config.json, model.safetensors, tokenizer.json; or `fedsec lm pretrain`'s output with vocabulary.json) to fine-tune. Empty: model_args.pretrain names the base.");

    /// <summary><c>model_args.pretrain</c> (FedSec's): a `fedsec lm pretrain` configuration naming the base model.</summary>
    public static readonly StringParameter Pretrain = new("pretrain", "", "gpt_neox: a `fedsec lm pretrain` configuration file (e.g. examples/lm/pretrain-brown.yaml); its cached model under <data dir>/lm/ is the base, pretrained first when missing. Empty: model_args.model_path names the base.");

    /// <summary><c>lora_args.peft_type</c> (FedLLM's).</summary>
    public static readonly ChoiceParameter<Configuration.PeftType> PeftType = new(
        "peft_type",
        Defaults.PeftType,
        "gpt_neox: lora trains and exchanges only LoRA adapters (the base stays frozen); none fine-tunes and exchanges every parameter.",
        ("lora", Configuration.PeftType.Lora),
        ("none", Configuration.PeftType.None));

    /// <summary><c>lora_args.lora_r</c>.</summary>
    public static readonly IntParameter LoraR = new("lora_r", Defaults.LoraR, "LoRA's rank r.", min: 1);

    /// <summary><c>lora_args.lora_alpha</c>.</summary>
    public static readonly DoubleParameter LoraAlpha = new("lora_alpha", Defaults.LoraAlpha, "LoRA's α: the adapter's update is scaled by α / r.", min: 0, minExclusive: true);

    /// <summary><c>lora_args.lora_dropout</c>.</summary>
    public static readonly DoubleParameter LoraDropout = new("lora_dropout", Defaults.LoraDropout, "Dropout on the LoRA adapters' input.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>lora_args.target_modules</c>.</summary>
    public static readonly StringListParameter TargetModules = new("target_modules", Defaults.TargetModules, "GPT-NeoX layers that get LoRA adapters: query_key_value, dense, dense_h_to_4h, dense_4h_to_h.");

    /// <summary><c>train_args.federated_optimizer</c>; FedOpt is read as FedAdam.</summary>
    public static readonly ChoiceParameter<Configuration.FederatedOptimizer> FederatedOptimizer = new(
        "federated_optimizer",
        Defaults.FederatedOptimizer,
        "Server update rule (FedOpt means FedAdam).",
        ("FedAvg", Configuration.FederatedOptimizer.FedAvg),
        ("FedAvgM", Configuration.FederatedOptimizer.FedAvgM),
        ("FedAdam", Configuration.FederatedOptimizer.FedAdam),
        ("FedOpt", Configuration.FederatedOptimizer.FedAdam),
        ("FedProx", Configuration.FederatedOptimizer.FedProx),
        ("FedNova", Configuration.FederatedOptimizer.FedNova),
        ("FedSGD", Configuration.FederatedOptimizer.FedSgd),
        ("FedAsync", Configuration.FederatedOptimizer.FedAsync),
        ("FedBuff", Configuration.FederatedOptimizer.FedBuff));

    /// <summary><c>train_args.client_num_in_total</c>.</summary>
    public static readonly IntParameter ClientNumInTotal = new("client_num_in_total", Defaults.ClientNumInTotal, "Clients in the federation.", min: 1);

    /// <summary><c>train_args.client_num_per_round</c>.</summary>
    public static readonly IntParameter ClientNumPerRound = new("client_num_per_round", Defaults.ClientNumPerRound, "Clients sampled each round (at most client_num_in_total).", min: 1);

    /// <summary>
    /// <c>train_args.min_clients</c> (FedSec's, distributed runs): a round goes on when at least this many of its sampled
    /// clients reported; 0 (the default): every sampled client. A simulation, where no client goes missing, does not read it.
    /// </summary>
    public static readonly IntParameter MinClients = new("min_clients", Defaults.MinClients, "Distributed runs (fedsec server): a round goes on when at least this many of its sampled clients reported (0: every sampled client); fewer: the round is retried or the run fails (fedsec server --on-shortfall).", min: 0, defaultText: "0 (every sampled client)");

    /// <summary><c>train_args.on_divergence</c> (FedSec's): end the run or drop the client when an honest client's training diverges.</summary>
    public static readonly ChoiceParameter<Configuration.DivergencePolicy> OnDivergence = new(
        "on_divergence",
        Configuration.DivergencePolicy.EndRun,
        "When an honest client's local training diverges (non-finite model): 'end' ends the run there (the global model is broken); 'drop' leaves the client out of the round like an attacker's divergence (metric honest_diverged_dropped) and goes on, so that in a distributed run a compromised node cannot end the run with such a report; the run then diverges only when every update of a round diverged.",
        ("end", Configuration.DivergencePolicy.EndRun),
        ("drop", Configuration.DivergencePolicy.Drop));

    /// <summary>
    /// <c>train_args.exact_sum</c> (FedSec's): FedAvg's weighted mean (after per-update defenses too) summed exactly in
    /// fixed point and rounded once (<c>ExactWeightedSum</c>), so it does not depend on the order of the updates and a
    /// distributed server can aggregate them as they arrive; off (the default) keeps the double summation in client order.
    /// </summary>
    public static readonly BoolParameter ExactSum = new("exact_sum", false, "FedAvg's mean summed exactly (fixed point, rounded once): independent of the order of the updates, so fedsec server aggregates as updates arrive in O(d) memory; the last bits differ from the default double summation.");

    /// <summary><c>train_args.comm_round</c>.</summary>
    public static readonly IntParameter CommRound = new("comm_round", Defaults.CommRound, "Number of rounds.", min: 1);

    /// <summary><c>train_args.epochs</c>.</summary>
    public static readonly IntParameter Epochs = new("epochs", Defaults.Epochs, "Local epochs per round.", min: 1);

    /// <summary><c>train_args.batch_size</c>.</summary>
    public static readonly IntParameter BatchSize = new("batch_size", Defaults.BatchSize, "Local mini-batch size.", min: 1);

    /// <summary><c>train_args.local_steps</c> (FedLLM's): a language model's steps per round.</summary>
    public static readonly IntParameter LocalSteps = new("local_steps", Defaults.LocalSteps, "gpt_neox: optimizer steps per round (batches cycle through the client's sequences); 0 trains `epochs` epochs instead.", min: 0);

    /// <summary><c>train_args.max_grad_norm</c> (FedLLM's).</summary>
    public static readonly DoubleParameter MaxGradNorm = new("max_grad_norm", Defaults.MaxGradNorm, "gpt_neox: gradients are clipped to this total L2 norm; 0 turns clipping off.", min: 0);

    /// <summary><c>train_args.client_optimizer</c>.</summary>
    public static readonly ChoiceParameter<Configuration.ClientOptimizer> ClientOptimizer = new(
        "client_optimizer",
        Defaults.ClientOptimizer,
        "Clients' optimiser.",
        ("sgd", Configuration.ClientOptimizer.Sgd),
        ("adam", Configuration.ClientOptimizer.Adam),
        ("adamw", Configuration.ClientOptimizer.AdamW));

    /// <summary><c>train_args.learning_rate</c>.</summary>
    public static readonly DoubleParameter LearningRate = new("learning_rate", Defaults.LearningRate, "Clients' learning rate (gpt_neox: FedLLM's 3e-4 when unset).", min: 0, minExclusive: true);

    /// <summary><c>train_args.momentum</c>.</summary>
    public static readonly DoubleParameter Momentum = new("momentum", Defaults.Momentum, "Clients' SGD momentum.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>train_args.weight_decay</c>.</summary>
    public static readonly DoubleParameter WeightDecay = new("weight_decay", Defaults.WeightDecay, "Clients' L2 weight decay.", min: 0);

    /// <summary><c>train_args.server_lr</c>.</summary>
    public static readonly DoubleParameter ServerLr = new("server_lr", Defaults.ServerLr, "Server learning rate (FedAvgM, FedAdam, FedBuff).", min: 0, minExclusive: true);

    /// <summary><c>train_args.server_momentum</c>.</summary>
    public static readonly DoubleParameter ServerMomentum = new("server_momentum", Defaults.ServerMomentum, "FedAvgM's server momentum.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>train_args.server_beta1</c>.</summary>
    public static readonly DoubleParameter ServerBeta1 = new("server_beta1", Defaults.ServerBeta1, "FedAdam's first-moment decay.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>train_args.server_beta2</c>.</summary>
    public static readonly DoubleParameter ServerBeta2 = new("server_beta2", Defaults.ServerBeta2, "FedAdam's second-moment decay.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>train_args.server_epsilon</c>.</summary>
    public static readonly DoubleParameter ServerEpsilon = new("server_epsilon", Defaults.ServerEpsilon, "FedAdam's adaptivity τ.", min: 0, minExclusive: true);

    /// <summary><c>train_args.fedprox_mu</c>.</summary>
    public static readonly DoubleParameter FedProxMu = new("fedprox_mu", Defaults.FedProxMu, "FedProx's proximal weight μ.", min: 0);

    /// <summary><c>train_args.client_momentum</c> (FedSec's; ByzFL's worker momentum).</summary>
    public static readonly DoubleParameter ClientMomentum = new("client_momentum", Defaults.ClientMomentum, "FedSGD: each client sends its momentum u ← βu + (1 − β)Δ of its one-step updates, kept across rounds (ByzFL's worker momentum); 0 sends Δ.", min: 0, max: 1, maxExclusive: true);

    /// <summary><c>train_args.server_weight_decay</c> (FedSec's; ByzFL's server SGD weight decay).</summary>
    public static readonly DoubleParameter ServerWeightDecay = new("server_weight_decay", Defaults.ServerWeightDecay, "FedSGD: the server's SGD weight decay λ, G ← aggregate − learning_rate·λ·G (ByzFL's server step); 0 takes the aggregate.", min: 0);

    /// <summary><c>train_args.staleness_model</c> (FedSec's): how stale asynchronous updates are; FedAsync and FedBuff need one.</summary>
    public static readonly ChoiceParameter<Configuration.StalenessModel> StalenessModel = new(
        "staleness_model",
        Defaults.StalenessModel,
        "FedAsync, FedBuff: each update's staleness (server steps between its dispatch and its use), drawn per (step, client) from the seed: uniform on 0..max_staleness, or fixed at max_staleness; none for synchronous runs.",
        ("none", Configuration.StalenessModel.None),
        ("uniform", Configuration.StalenessModel.Uniform),
        ("fixed", Configuration.StalenessModel.Fixed));

    /// <summary><c>train_args.max_staleness</c> (FedSec's).</summary>
    public static readonly IntParameter MaxStaleness = new("max_staleness", Defaults.MaxStaleness, "FedAsync, FedBuff: the largest staleness of staleness_model (capped by the server steps taken so far).", min: 0);

    /// <summary><c>train_args.staleness_function</c> (FedSec's).</summary>
    public static readonly ChoiceParameter<Configuration.StalenessFunction> StalenessFunction = new(
        "staleness_function",
        Defaults.StalenessFunction,
        "FedAsync, FedBuff: the weight s of an update of staleness k: constant 1, polynomial (k + 1)^-a, or hinge (1 for k <= b, else 1/(a(k - b) + 1)).",
        ("constant", Configuration.StalenessFunction.Constant),
        ("polynomial", Configuration.StalenessFunction.Polynomial),
        ("hinge", Configuration.StalenessFunction.Hinge));

    /// <summary><c>train_args.staleness_a</c> (FedSec's).</summary>
    public static readonly DoubleParameter StalenessA = new("staleness_a", Defaults.StalenessA, "The a of the polynomial and hinge staleness functions (0.5: FedBuff's 1/sqrt(1 + k)).", min: 0);

    /// <summary><c>train_args.staleness_b</c> (FedSec's).</summary>
    public static readonly IntParameter StalenessB = new("staleness_b", Defaults.StalenessB, "The b of the hinge staleness function: updates at most this stale keep weight 1.", min: 0);

    /// <summary><c>train_args.async_alpha</c> (FedSec's).</summary>
    public static readonly DoubleParameter AsyncAlpha = new("async_alpha", Defaults.AsyncAlpha, "FedAsync's mixing weight alpha: G <- (1 - a_t)G + a_t w with a_t = alpha * s(staleness).", min: 0, minExclusive: true, max: 1);

    /// <summary><c>train_args.async_rho</c> (FedSec's).</summary>
    public static readonly DoubleParameter AsyncRho = new("async_rho", Defaults.AsyncRho, "FedAsync's proximal weight rho: clients minimise f(x) + rho/2 ||x - x_tau||^2, x_tau the stale model they start from (Xie et al.); 0 trains the plain loss.", min: 0);

    /// <summary><c>validation_args.frequency_of_the_test</c>.</summary>
    public static readonly IntParameter FrequencyOfTheTest = new("frequency_of_the_test", Defaults.FrequencyOfTheTest, "Evaluate the global model every this many rounds (and after the last).", min: 1);

    /// <summary><c>attack_args.enable_attack</c>.</summary>
    public static readonly BoolParameter EnableAttack = new("enable_attack", false, "Whether attack_type is applied.");

    /// <summary><c>attack_args.attack_type</c>; <c>none</c> (FedML's <c>None</c>) means no attack.</summary>
    public static readonly StringParameter AttackType = new("attack_type", "none", "Registered attack name (see `fedsec list`).");

    /// <summary><c>attack_args.attack_prob</c>.</summary>
    public static readonly DoubleParameter AttackProb = new("attack_prob", Defaults.AttackProb, "Probability that the attack is active in a round.", min: 0, max: 1);

    /// <summary><c>attack_args.poison_start_round_id</c>.</summary>
    public static readonly IntParameter PoisonStartRoundId = new("poison_start_round_id", Defaults.PoisonStartRoundId, "First round (0-based) the attack may be active.", min: 0);

    /// <summary><c>attack_args.poison_end_round_id</c>.</summary>
    public static readonly IntParameter PoisonEndRoundId = new("poison_end_round_id", Defaults.PoisonEndRoundId, "Last round (0-based) the attack may be active.", min: 0, defaultText: "last round");

    /// <summary><c>attack_args.malicious_client_selection</c>.</summary>
    public static readonly ChoiceParameter<Configuration.MaliciousClientSelection> MaliciousClientSelection = new(
        "malicious_client_selection",
        Defaults.MaliciousClientSelection,
        "Malicious identities drawn once (fixed) or re-drawn each round like FedML (per_round).",
        ("fixed", Configuration.MaliciousClientSelection.Fixed),
        ("per_round", Configuration.MaliciousClientSelection.PerRound));

    /// <summary><c>attack_args.malicious_clients_without_data</c> (FedSec's): the training set is split among the honest clients only.</summary>
    public static readonly BoolParameter MaliciousClientsWithoutData = new(
        "malicious_clients_without_data",
        false,
        "The malicious identities (fixed, decided before the split) hold no training data: the training set is split among the honest clients only, as ByzFL does; attacks that train on or poison the attacker's own data are then config errors.");

    /// <summary><c>attack_args.trigger_only</c> (FedSec's): the control run of a backdoor, its trigger without its updates.</summary>
    public static readonly BoolParameter TriggerOnly = new(
        "trigger_only",
        false,
        "A control run of a backdoor: the malicious clients poison their data as the attack says (an adaptive trigger, A3FL's or IBA's, is still optimised against the global model each round) but train nothing and send the model they received with weight 0, so the global model is the honest clients' alone and the attack success rate measures the trigger on a model no poisoned update reached.");

    /// <summary><c>defense_args.enable_defense</c>.</summary>
    public static readonly BoolParameter EnableDefense = new("enable_defense", false, "Whether defense_type is applied.");

    /// <summary><c>defense_args.defense_type</c>.</summary>
    public static readonly StringListParameter DefenseType = new("defense_type", Array.Empty<string>(), "Registered defense name, or a list applied in order within each stage (see `fedsec list`).");

    /// <summary>Every engine key with its home section, in FedML's order.</summary>
    public static IReadOnlyList<EngineParameter> All { get; } = new EngineParameter[]
    {
        new(ConfigSections.Common, RandomSeed),
        new(ConfigSections.Data, Dataset),
        new(ConfigSections.Data, DataCacheDir),
        new(ConfigSections.Data, PartitionMethod),
        new(ConfigSections.Data, PartitionAlpha),
        new(ConfigSections.Data, ShardsPerClient),
        new(ConfigSections.Data, TrainSamples),
        new(ConfigSections.Data, TestSamples),
        new(ConfigSections.Data, SequenceLength),
        new(ConfigSections.Data, TestFraction),
        new(ConfigSections.Model, Model),
        new(ConfigSections.Model, InitialModel) { InRunKeyOnlyWhenSet = true },
        new(ConfigSections.Model, ModelPath),
        new(ConfigSections.Model, Pretrain),
        new(ConfigSections.Lora, PeftType),
        new(ConfigSections.Lora, LoraR),
        new(ConfigSections.Lora, LoraAlpha),
        new(ConfigSections.Lora, LoraDropout),
        new(ConfigSections.Lora, TargetModules),
        new(ConfigSections.Train, FederatedOptimizer),
        new(ConfigSections.Train, ClientNumInTotal),
        new(ConfigSections.Train, ClientNumPerRound),
        new(ConfigSections.Train, CommRound),
        new(ConfigSections.Train, MinClients),
        new(ConfigSections.Train, OnDivergence),
        new(ConfigSections.Train, ExactSum),
        new(ConfigSections.Train, Epochs),
        new(ConfigSections.Train, BatchSize),
        new(ConfigSections.Train, LocalSteps),
        new(ConfigSections.Train, MaxGradNorm),
        new(ConfigSections.Train, ClientOptimizer),
        new(ConfigSections.Train, LearningRate),
        new(ConfigSections.Train, Momentum),
        new(ConfigSections.Train, WeightDecay),
        new(ConfigSections.Train, ServerLr),
        new(ConfigSections.Train, ServerMomentum),
        new(ConfigSections.Train, ServerBeta1),
        new(ConfigSections.Train, ServerBeta2),
        new(ConfigSections.Train, ServerEpsilon),
        new(ConfigSections.Train, FedProxMu),
        new(ConfigSections.Train, ClientMomentum),
        new(ConfigSections.Train, ServerWeightDecay),
        new(ConfigSections.Train, StalenessModel),
        new(ConfigSections.Train, MaxStaleness),
        new(ConfigSections.Train, StalenessFunction),
        new(ConfigSections.Train, StalenessA),
        new(ConfigSections.Train, StalenessB),
        new(ConfigSections.Train, AsyncAlpha),
        new(ConfigSections.Train, AsyncRho),
        new(ConfigSections.Validation, FrequencyOfTheTest),
        new(ConfigSections.Attack, EnableAttack),
        new(ConfigSections.Attack, AttackType),
        new(ConfigSections.Attack, AttackProb),
        new(ConfigSections.Attack, PoisonStartRoundId),
        new(ConfigSections.Attack, PoisonEndRoundId),
        new(ConfigSections.Attack, MaliciousClientSelection),
        new(ConfigSections.Attack, MaliciousClientsWithoutData),
        new(ConfigSections.Attack, TriggerOnly),
        new(ConfigSections.Defense, EnableDefense),
        new(ConfigSections.Defense, DefenseType),
    };
}
