using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.WeakDp;

/// <summary>Options of weak differential privacy (<c>defense_type: weak_dp</c>).</summary>
public sealed class WeakDpOptions
{
    /// <summary><c>stddev</c>: σ, the standard deviation of the Gaussian noise added to the global model.</summary>
    public static readonly DoubleParameter StddevKey = new(
        "stddev", 0.025, "sigma, the standard deviation of the N(0, sigma^2) noise added to every trainable parameter of the new global model.", min: 0);

    /// <summary>The keys weak DP reads.</summary>
    public static readonly IParameter[] Keys = { StddevKey };

    /// <summary>σ, the noise standard deviation.</summary>
    /// <value>The default value is 0.025 (Sun et al.'s setting).</value>
    public double Stddev { get; init; } = StddevKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static WeakDpOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new WeakDpOptions { Stddev = args.Get(StddevKey) };
    }
}
