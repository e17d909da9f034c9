using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Crfl;

/// <summary>Options of CRFL (<c>defense_type: crfl</c>).</summary>
public sealed class CrflOptions
{
    /// <summary><c>sigma</c>: σ, the standard deviation of the parameter noise.</summary>
    public static readonly DoubleParameter SigmaKey = new(
        "sigma", 0.01, "sigma, the standard deviation of the N(0, sigma^2) noise added to the clipped global model in every round but the last.", min: 0);

    /// <summary><c>clip_threshold</c>: a cap on the norm bound (the bound itself for data sets without a schedule).</summary>
    public static readonly OptionalParameter<double> ClipThresholdKey = new(
        new DoubleParameter("clip_threshold", 1, "A cap on the global model's norm bound: the bound is min(schedule, clip_threshold); required for data sets without a CRFL schedule (only mnist, emnist and lending_club_loan have one).", min: 0, minExclusive: true),
        "none (the schedule alone)");

    /// <summary><c>dataset</c>: the data set, which selects the CRFL paper's norm-bound schedule.</summary>
    public static readonly StringParameter DatasetKey = new(
        "dataset", "mnist", "data_args.dataset: selects the norm-bound schedule rho_t of the CRFL paper (mnist 0.1t + 2, emnist 0.25t + 4, lending_club_loan 0.025t + 2; t = round + 1).");

    /// <summary><c>norm_bound_slope</c>: replaces the data set's schedule slope (FedSec's key; FedML has none).</summary>
    public static readonly OptionalParameter<double> SlopeKey = new(
        new DoubleParameter("norm_bound_slope", 0, "FedSec: the slope a of a norm-bound schedule rho_t = a*t + b of your own, replacing the data set's (with norm_bound_intercept; unset keeps the data set's schedule).", min: 0),
        "0 with norm_bound_intercept, else the data set's");

    /// <summary><c>norm_bound_intercept</c>: replaces the data set's schedule intercept (FedSec's key; FedML has none).</summary>
    public static readonly OptionalParameter<double> InterceptKey = new(
        new DoubleParameter("norm_bound_intercept", 1, "FedSec: the intercept b of a norm-bound schedule rho_t = a*t + b of your own, replacing the data set's; fit it to your model (CRFL's mnist schedule starts at 2.1, far below the initial norm of FedML's cnn).", min: 0, minExclusive: true),
        "the data set's schedule");

    /// <summary>The keys CRFL reads.</summary>
    public static readonly IParameter[] Keys = { SigmaKey, ClipThresholdKey, DatasetKey, SlopeKey, InterceptKey };

    /// <summary>σ, the noise standard deviation.</summary>
    /// <value>The default value is 0.01 (the CRFL code's setting).</value>
    public double Sigma { get; init; } = SigmaKey.Default;

    /// <summary>The cap on the norm bound.</summary>
    /// <value>The default value is null: no cap, the schedule alone.</value>
    public double? ClipThreshold { get; init; } = ClipThresholdKey.Default;

    /// <summary>ρ_t = slope·t + intercept, the data set's schedule; null when it has none.</summary>
    /// <value>The default value is MNIST's schedule, 0.1t + 2.</value>
    public (double Slope, double Intercept)? Schedule { get; init; } = DatasetSchedule(DatasetKey.Default);

    /// <summary>The norm bound of the (zero-based) round: min(ρ_{round+1}, clip_threshold).</summary>
    public double BoundAt(int round) =>
        Schedule is { } s ? Math.Min((s.Slope * (round + 1)) + s.Intercept, ClipThreshold ?? double.PositiveInfinity) : ClipThreshold ?? double.PositiveInfinity;

    /// <summary>The CRFL paper's norm-bound schedule ρ_t = slope·t + intercept for a data set; null for the data sets it has none for.</summary>
    public static (double Slope, double Intercept)? DatasetSchedule(string dataset) => dataset.Trim().ToLowerInvariant() switch
    {
        "mnist" => (0.1, 2),
        "emnist" or "femnist" => (0.25, 4),
        "lending_club_loan" => (0.025, 2),
        _ => null,
    };

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static CrflOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string dataset = args.Get(DatasetKey).Trim().ToLowerInvariant();
        var schedule = DatasetSchedule(dataset);
        double? slope = args.Get(SlopeKey), intercept = args.Get(InterceptKey);
        if (intercept is { } b)
        {
            schedule = (slope ?? 0, b);
        }
        else if (slope is not null)
        {
            args.Report(
                args.QualifiedKey(InterceptKey.Key),
                $"{args.QualifiedKey(SlopeKey.Key)} is set but {args.QualifiedKey(InterceptKey.Key)} is not: a schedule of your own needs its intercept (rho_t = slope*t + intercept, t = round + 1).");
        }

        var options = new CrflOptions { Sigma = args.Get(SigmaKey), ClipThreshold = args.Get(ClipThresholdKey), Schedule = schedule };
        if (schedule is null && options.ClipThreshold is null)
        {
            args.Report(
                args.QualifiedKey(ClipThresholdKey.Key),
                $"CRFL has no norm-bound schedule for the data set '{dataset}' (it has one for mnist, emnist and lending_club_loan); set clip_threshold to the global model's norm bound, or norm_bound_intercept (and norm_bound_slope) for a schedule.");
        }

        return options;
    }
}
