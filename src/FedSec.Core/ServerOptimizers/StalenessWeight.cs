using FedSec.Configuration;

namespace FedSec.ServerOptimizers;

/// <summary>The staleness functions s(t − τ) of Xie, Koyejo and Gupta (2019, section 5.2).</summary>
public static class StalenessWeight
{
    /// <summary>
    /// s(k) for staleness k ≥ 0: constant 1; polynomial (k + 1)^(−a); hinge 1 for k ≤ b, else 1 / (a(k − b) + 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative staleness.</exception>
    public static double Of(StalenessFunction function, int staleness, double a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(staleness);
        return function switch
        {
            StalenessFunction.Constant => 1.0,
            StalenessFunction.Polynomial => Math.Pow(staleness + 1, -a),
            StalenessFunction.Hinge => staleness <= b ? 1.0 : 1.0 / ((a * (staleness - b)) + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown staleness function."),
        };
    }

    /// <summary>s(k) with the configuration's function, a and b.</summary>
    public static double Of(ExperimentConfig config, int staleness)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Of(config.StalenessFunction, staleness, config.StalenessA, config.StalenessB);
    }
}
