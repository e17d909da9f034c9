using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.AlterMin;

/// <summary>
/// Options of AlterMin (<c>attack_type: alter_min</c>), with the defaults of Bhagoji et al.'s code
/// (<c>mal_boost</c> 10, <c>rho</c> 1e-4, <c>ls</c> 1, <c>mal_E</c> 5, <c>mal_obj single</c>).
/// </summary>
public sealed class AlterMinOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious agents (the paper's single agent by default).</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>target_label</c>: the class the targeted samples should be classified as.</summary>
    public static readonly IntParameter TargetLabelKey = BackdoorOptions.TargetLabelKey;

    /// <summary><c>alter_min_targets</c>: how many test samples the attacker wants misclassified.</summary>
    public static readonly IntParameter TargetsKey = new(
        "alter_min_targets",
        1,
        "Number of targeted samples: the first ones of the test set whose class is not target_label, each to be classified as target_label (the paper's mal_num; 1 = its 'single' objective).",
        min: 1);

    /// <summary><c>alter_min_strategy</c>: alternating minimisation or explicit boosting alone.</summary>
    public static readonly ChoiceParameter<AlterMinStrategy> StrategyKey = new(
        "alter_min_strategy",
        AlterMinStrategy.Alternating,
        "alternating: steps on the stealth objective (own data + rho distance to the own benign model) alternate with boosted malicious steps; boosting: the malicious objective alone, the delta boosted by alter_min_boost.",
        ("alternating", AlterMinStrategy.Alternating),
        ("boosting", AlterMinStrategy.Boosting));

    /// <summary><c>alter_min_boost</c>: λ.</summary>
    public static readonly DoubleParameter BoostKey = new(
        "alter_min_boost",
        10,
        "lambda, the explicit boosting factor of the malicious objective's change (the paper's 1/alpha_m = number of agents; its code's mal_boost).",
        min: 1);

    /// <summary><c>alter_min_rho</c>: ρ.</summary>
    public static readonly DoubleParameter RhoKey = new(
        "alter_min_rho",
        1e-4,
        "rho, the weight of the stealth objective's distance term rho/2 * |w - w_benign|^2 (0 = no distance term).",
        min: 0);

    /// <summary><c>alter_min_local_steps</c>: stealth steps per malicious step.</summary>
    public static readonly IntParameter LocalStepsKey = new(
        "alter_min_local_steps",
        1,
        "Steps on the stealth objective before each boosted malicious step (the paper's ls).",
        min: 1);

    /// <summary><c>alter_min_epochs</c>: the attacker's passes over its data.</summary>
    public static readonly IntParameter EpochsKey = new(
        "alter_min_epochs",
        5,
        "Passes over its own data the attacker makes, for its benign estimate and for the alternating steps (the paper's mal_E).",
        min: 1);

    /// <summary><c>alter_min_optimizer</c>: the attacker's own optimizer; unset, the run's <c>client_optimizer</c>.</summary>
    public static readonly OptionalParameter<ClientOptimizer> OptimizerKey = new(
        new ChoiceParameter<ClientOptimizer>(
            "alter_min_optimizer",
            ClientOptimizer.Sgd,
            "The optimizer of the attacker's training (benign estimate, stealth and malicious steps); the authors trained every agent with adam and learning rate 0.001.",
            ("sgd", ClientOptimizer.Sgd),
            ("adam", ClientOptimizer.Adam),
            ("adamw", ClientOptimizer.AdamW)),
        "train_args.client_optimizer");

    /// <summary><c>alter_min_learning_rate</c>: the attacker's own learning rate; unset, the run's.</summary>
    public static readonly OptionalParameter<double> LearningRateKey = new(
        new DoubleParameter("alter_min_learning_rate", 0.001, "The learning rate of the attacker's training (the authors' eta: 0.001 with adam).", min: 0, minExclusive: true),
        "train_args.learning_rate");

    /// <summary>The keys AlterMin reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, TargetLabelKey, TargetsKey, StrategyKey, BoostKey, RhoKey, LocalStepsKey, EpochsKey, OptimizerKey, LearningRateKey };

    /// <summary>Number of malicious agents.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The target class.</summary>
    /// <value>The default value is 0.</value>
    public int TargetLabel { get; init; } = TargetLabelKey.Default;

    /// <summary>Number of targeted samples.</summary>
    /// <value>The default value is 1.</value>
    public int Targets { get; init; } = TargetsKey.Default;

    /// <summary>Alternating minimisation or explicit boosting.</summary>
    /// <value>The default value is <see cref="AlterMinStrategy.Alternating"/>.</value>
    public AlterMinStrategy Strategy { get; init; } = StrategyKey.Default;

    /// <summary>λ.</summary>
    /// <value>The default value is 10.</value>
    public double Boost { get; init; } = BoostKey.Default;

    /// <summary>ρ.</summary>
    /// <value>The default value is 1e-4.</value>
    public double Rho { get; init; } = RhoKey.Default;

    /// <summary>Stealth steps per malicious step.</summary>
    /// <value>The default value is 1.</value>
    public int LocalSteps { get; init; } = LocalStepsKey.Default;

    /// <summary>The attacker's epochs.</summary>
    /// <value>The default value is 5.</value>
    public int Epochs { get; init; } = EpochsKey.Default;

    /// <summary>The attacker's optimizer; null: the run's.</summary>
    /// <value>The default value is null.</value>
    public ClientOptimizer? Optimizer { get; init; } = OptimizerKey.Default;

    /// <summary>The attacker's learning rate; null: the run's.</summary>
    /// <value>The default value is null.</value>
    public double? LearningRate { get; init; } = LearningRateKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static AlterMinOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new AlterMinOptions
        {
            ClientNum = AttackerCount.Read(args),
            TargetLabel = args.Get(TargetLabelKey),
            Targets = args.Get(TargetsKey),
            Strategy = args.Get(StrategyKey),
            Boost = args.Get(BoostKey),
            Rho = args.Get(RhoKey),
            LocalSteps = args.Get(LocalStepsKey),
            Epochs = args.Get(EpochsKey),
            Optimizer = args.Get(OptimizerKey),
            LearningRate = args.Get(LearningRateKey),
        };
    }
}
