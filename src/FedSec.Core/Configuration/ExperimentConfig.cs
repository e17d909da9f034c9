namespace FedSec.Configuration;

/// <summary>
/// An experiment's settings in FedML's vocabulary, validated. Attack and defense parameters stay in
/// <see cref="Namespace"/>: each component reads its own keys from there.
/// </summary>
public sealed record ExperimentConfig
{
    /// <summary><c>common_args.random_seed</c>: the seed every random stream derives from.</summary>
    public long RandomSeed { get; init; }

    /// <summary><c>data_args.dataset</c>: mnist, fashion_mnist or cifar10.</summary>
    public string Dataset { get; init; } = "mnist";

    /// <summary><c>data_args.data_cache_dir</c>: where data sets live; null for the default directory.</summary>
    public string? DataCacheDir { get; init; }

    /// <summary><c>data_args.partition_method</c>.</summary>
    public PartitionMethod PartitionMethod { get; init; } = PartitionMethod.Hetero;

    /// <summary><c>data_args.partition_alpha</c>: the Dirichlet concentration of the hetero partition.</summary>
    public double PartitionAlpha { get; init; } = 0.5;

    /// <summary><c>data_args.shards_per_client</c>: label shards each client gets (shards partition).</summary>
    public int ShardsPerClient { get; init; } = 2;

    /// <summary><c>data_args.train_samples</c>: a seeded random subset of this many training samples is split among the clients; 0 uses all.</summary>
    public int TrainSamples { get; init; }

    /// <summary><c>data_args.test_samples</c>: a seeded random subset of this many test samples is evaluated; 0 uses all.</summary>
    public int TestSamples { get; init; }

    /// <summary><c>model_args.model</c>: the model's registered name.</summary>
    public string Model { get; init; } = "cnn";

    /// <summary><c>model_args.initial_model</c>: a .npy file of initial weights; null for a fresh model.</summary>
    public string? InitialModel { get; init; }

    /// <summary><c>data_args.sequence_length</c>: tokens per sequence of a text corpus.</summary>
    public int SequenceLength { get; init; } = 64;

    /// <summary><c>data_args.test_fraction</c>: share of each group's documents held out as a text corpus's test split.</summary>
    public double TestFraction { get; init; } = 0.1;

    /// <summary><c>model_args.model_path</c>: a language model's directory (Hugging Face checkpoint, or <c>fedsec lm pretrain</c>'s output); null for none.</summary>
    public string? ModelPath { get; init; }

    /// <summary><c>model_args.pretrain</c>: a <c>fedsec lm pretrain</c> configuration whose cached model is the base; null for none.</summary>
    public string? Pretrain { get; init; }

    /// <summary><c>lora_args.peft_type</c>: LoRA, or full fine-tuning.</summary>
    public PeftType PeftType { get; init; } = PeftType.Lora;

    /// <summary><c>lora_args.lora_r</c>: the adapters' rank.</summary>
    public int LoraR { get; init; } = 8;

    /// <summary><c>lora_args.lora_alpha</c>: the adapters' scale numerator (scale α / r).</summary>
    public double LoraAlpha { get; init; } = 16;

    /// <summary><c>lora_args.lora_dropout</c>: dropout on the adapters' input.</summary>
    public double LoraDropout { get; init; } = 0.05;

    /// <summary><c>lora_args.target_modules</c>: the layers that get adapters.</summary>
    public IReadOnlyList<string> TargetModules { get; init; } = ["query_key_value"];

    /// <summary><c>train_args.local_steps</c>: a language model's optimizer steps per round; 0 takes <see cref="Epochs"/> epochs.</summary>
    public int LocalSteps { get; init; }

    /// <summary><c>train_args.max_grad_norm</c>: a language model's gradient clipping (total L2 norm); 0 turns it off.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary><c>train_args.federated_optimizer</c>.</summary>
    public FederatedOptimizer FederatedOptimizer { get; init; } = FederatedOptimizer.FedAvg;

    /// <summary><c>train_args.client_num_in_total</c>.</summary>
    public int ClientNumInTotal { get; init; } = 10;

    /// <summary><c>train_args.client_num_per_round</c>.</summary>
    public int ClientNumPerRound { get; init; } = 10;

    /// <summary><c>train_args.comm_round</c>.</summary>
    public int CommRound { get; init; } = 5;

    /// <summary><c>train_args.min_clients</c>: in a distributed run, the fewest reports a round goes on with; 0: every sampled client.</summary>
    public int MinClients { get; init; }

    /// <summary><c>train_args.on_divergence</c>: whether an honest client's diverged training ends the run (the default) or is left out of its round.</summary>
    public DivergencePolicy OnDivergence { get; init; }

    /// <summary>
    /// <c>train_args.exact_sum</c>: FedAvg's mean is the exactly summed, once-rounded <c>ExactWeightedSum</c> (independent of
    /// the order of the updates; a distributed server then aggregates streamable rounds as updates arrive).
    /// </summary>
    public bool ExactSum { get; init; }

    /// <summary><c>train_args.epochs</c>: local epochs per round.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary><c>train_args.batch_size</c>.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary><c>train_args.client_optimizer</c>.</summary>
    public ClientOptimizer ClientOptimizer { get; init; } = ClientOptimizer.Sgd;

    /// <summary><c>train_args.learning_rate</c>: the clients' learning rate.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary><c>train_args.momentum</c>: the clients' SGD momentum.</summary>
    public double Momentum { get; init; }

    /// <summary><c>train_args.weight_decay</c>.</summary>
    public double WeightDecay { get; init; }

    /// <summary><c>train_args.server_lr</c>: the server learning rate (FedAvgM, FedAdam).</summary>
    public double ServerLr { get; init; } = 1.0;

    /// <summary><c>train_args.server_momentum</c>: FedAvgM's momentum.</summary>
    public double ServerMomentum { get; init; } = 0.9;

    /// <summary><c>train_args.server_beta1</c>: FedAdam's β₁.</summary>
    public double ServerBeta1 { get; init; } = 0.9;

    /// <summary><c>train_args.server_beta2</c>: FedAdam's β₂.</summary>
    public double ServerBeta2 { get; init; } = 0.99;

    /// <summary><c>train_args.server_epsilon</c>: FedAdam's τ (adaptivity).</summary>
    public double ServerEpsilon { get; init; } = 1e-3;

    /// <summary><c>train_args.fedprox_mu</c>: FedProx's proximal weight μ.</summary>
    public double FedProxMu { get; init; } = 0.01;

    /// <summary>
    /// <c>train_args.client_momentum</c>: FedSGD's client momentum β (ByzFL's worker momentum): each client keeps
    /// u ← βu + (1 − β)Δ of its one-step updates across rounds and sends G + u. 0 sends the update itself.
    /// </summary>
    public double ClientMomentum { get; init; }

    /// <summary>
    /// <c>train_args.server_weight_decay</c>: FedSGD's server weight decay λ (ByzFL's server SGD step): the next global
    /// model is aggregate − <see cref="LearningRate"/>·λ·G on the trainable parameters. 0 takes the aggregate.
    /// </summary>
    public double ServerWeightDecay { get; init; }

    /// <summary><c>train_args.staleness_model</c>: how stale asynchronous updates are (FedAsync, FedBuff).</summary>
    public StalenessModel StalenessModel { get; init; } = StalenessModel.None;

    /// <summary><c>train_args.max_staleness</c>: the largest staleness the staleness model draws.</summary>
    public int MaxStaleness { get; init; } = 4;

    /// <summary><c>train_args.staleness_function</c>: the weight of a stale update (FedAsync, FedBuff).</summary>
    public StalenessFunction StalenessFunction { get; init; } = StalenessFunction.Polynomial;

    /// <summary><c>train_args.staleness_a</c>: the a of the polynomial and hinge staleness functions.</summary>
    public double StalenessA { get; init; } = 0.5;

    /// <summary><c>train_args.staleness_b</c>: the b of the hinge staleness function.</summary>
    public int StalenessB { get; init; } = 4;

    /// <summary><c>train_args.async_alpha</c>: FedAsync's mixing weight α.</summary>
    public double AsyncAlpha { get; init; } = 0.6;

    /// <summary>
    /// <c>train_args.async_rho</c>: FedAsync's proximal weight ρ; its clients minimise f(x) + ρ/2·‖x − x_τ‖², x_τ the
    /// (stale) model they start from (Xie et al.'s regularised local objective). 0 trains the plain loss.
    /// </summary>
    public double AsyncRho { get; init; }

    /// <summary>True for the asynchronous optimizers (FedAsync, FedBuff).</summary>
    public bool IsAsynchronous => FederatedOptimizer is FederatedOptimizer.FedAsync or FederatedOptimizer.FedBuff;

    /// <summary><c>validation_args.frequency_of_the_test</c>: evaluate every this many rounds (and after the last).</summary>
    public int FrequencyOfTheTest { get; init; } = 1;

    /// <summary><c>attack_args.enable_attack</c> and a non-empty <c>attack_type</c>.</summary>
    public bool EnableAttack { get; init; }

    /// <summary><c>attack_args.attack_type</c>, or null.</summary>
    public string? AttackType { get; init; }

    /// <summary><c>attack_args.attack_prob</c>: the probability that the attack is active in a round.</summary>
    public double AttackProb { get; init; } = 1.0;

    /// <summary><c>attack_args.poison_start_round_id</c>: first round (0-based) the attack may be active.</summary>
    public int PoisonStartRoundId { get; init; }

    /// <summary><c>attack_args.poison_end_round_id</c>: last round the attack may be active.</summary>
    public int PoisonEndRoundId { get; init; } = int.MaxValue;

    /// <summary><c>attack_args.malicious_client_selection</c>.</summary>
    public MaliciousClientSelection MaliciousClientSelection { get; init; } = MaliciousClientSelection.Fixed;

    /// <summary>
    /// <c>attack_args.malicious_clients_without_data</c>: the fixed malicious identities hold no training data and the
    /// training set is split among the honest clients only (ByzFL's setting). Off by default: every client holds data.
    /// </summary>
    public bool MaliciousClientsWithoutData { get; init; }

    /// <summary>
    /// <c>attack_args.trigger_only</c>: the malicious clients poison their data (so an adaptive trigger still adapts) but
    /// train nothing and send the model they received with weight 0: a backdoor's control run, whose attack success
    /// rate is its trigger's on the honest clients' model. Off by default.
    /// </summary>
    public bool TriggerOnly { get; init; }

    /// <summary><c>defense_args.enable_defense</c> and at least one <c>defense_type</c>.</summary>
    public bool EnableDefense { get; init; }

    /// <summary><c>defense_args.defense_type</c>: one name or a list, applied in order within each stage.</summary>
    public IReadOnlyList<string> DefenseTypes { get; init; } = Array.Empty<string>();

    /// <summary>Every key as written, for the components to read theirs.</summary>
    public ConfigNamespace Namespace { get; init; } = new();

    /// <summary>The experiment's size.</summary>
    public ExperimentShape Shape => new(ClientNumInTotal, ClientNumPerRound, CommRound) { Optimizer = FederatedOptimizer, LearningRate = LearningRate };
}
