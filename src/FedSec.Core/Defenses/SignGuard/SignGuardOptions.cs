using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.SignGuard;

/// <summary>Options of SignGuard (<c>defense_type: signguard</c>).</summary>
public sealed class SignGuardOptions
{
    /// <summary><c>norm_ratio_lower</c>: L, the smallest allowed ‖Δᵢ‖ / median norm.</summary>
    public static readonly DoubleParameter LowerKey = new("norm_ratio_lower", 0.1, "L: updates whose norm is below L times the median norm are removed.", min: 0);

    /// <summary><c>norm_ratio_upper</c>: R, the largest allowed ‖Δᵢ‖ / median norm.</summary>
    public static readonly DoubleParameter UpperKey = new("norm_ratio_upper", 3.0, "R: updates whose norm is above R times the median norm are removed.", min: 0, minExclusive: true);

    /// <summary><c>sign_sample_fraction</c>: the share of coordinates whose signs are counted.</summary>
    public static readonly DoubleParameter SampleFractionKey = new(
        "sign_sample_fraction",
        0.1,
        "The share of trainable coordinates, drawn at random each round, whose signs give each update's (positive, zero, negative) fractions.",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary>The keys SignGuard reads.</summary>
    public static readonly IParameter[] Keys = { LowerKey, UpperKey, SampleFractionKey };

    /// <summary>L, the lower bound of the norm ratio.</summary>
    /// <value>The default value is 0.1 (the authors' value).</value>
    public double Lower { get; init; } = LowerKey.Default;

    /// <summary>R, the upper bound of the norm ratio.</summary>
    /// <value>The default value is 3.0 (the authors' value).</value>
    public double Upper { get; init; } = UpperKey.Default;

    /// <summary>The share of coordinates sampled for the sign statistics.</summary>
    /// <value>The default value is 0.1 (the authors' code).</value>
    public double SampleFraction { get; init; } = SampleFractionKey.Default;

    /// <summary>Reads and validates the options (L must be below R).</summary>
    public static SignGuardOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SignGuardOptions
        {
            Lower = args.Get(LowerKey),
            Upper = args.Get(UpperKey),
            SampleFraction = args.Get(SampleFractionKey),
        };
        if (options.Lower >= options.Upper)
        {
            args.Report(
                args.QualifiedKey(LowerKey.Key),
                $"norm_ratio_lower ({options.Lower}) must be below norm_ratio_upper ({options.Upper}), or every update would be removed.");
        }

        return options;
    }
}
