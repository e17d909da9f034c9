using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.RobustLearningRate;

/// <summary>Options of the robust learning rate (<c>defense_type: robust_learning_rate</c>).</summary>
public sealed class RobustLearningRateOptions
{
    /// <summary><c>robust_threshold</c>: θ, the sign agreement a coordinate needs to keep the learning rate +1.</summary>
    public static readonly IntParameter RobustThresholdKey = new(
        "robust_threshold", 4, "theta: where |sum of the clients' update signs| < theta the server learning rate of that coordinate is -1 (0 disables the flip); choose f < theta <= n - f.", min: 0);

    /// <summary>The keys the robust learning rate reads.</summary>
    public static readonly IParameter[] Keys = { RobustThresholdKey };

    /// <summary>θ, the vote threshold.</summary>
    /// <value>The default value is 4 (the paper's and FedML's example for 10 clients).</value>
    public int RobustThreshold { get; init; } = RobustThresholdKey.Default;

    /// <summary>Reads and validates the options (θ ≤ n); problems go to <paramref name="args"/>.</summary>
    public static RobustLearningRateOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int theta = args.Get(RobustThresholdKey);
        int n = args.Shape.ClientsPerRound;
        if (theta > n)
        {
            args.Report(
                args.QualifiedKey(RobustThresholdKey.Key),
                $"robust_threshold = {theta} exceeds the {n} votes of a round (train_args.client_num_per_round), so every coordinate would be flipped; use at most {n}.");
        }

        return new RobustLearningRateOptions { RobustThreshold = theta };
    }
}
