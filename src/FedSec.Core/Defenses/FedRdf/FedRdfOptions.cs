using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.FedRdf;

/// <summary>Options of FedRDF (<c>defense_type: fedrdf</c>).</summary>
public sealed class FedRdfOptions
{
    /// <summary><c>fedrdf_threshold</c>: the share of rejecting Kolmogorov–Smirnov tests from which the round uses the robust rule.</summary>
    public static readonly DoubleParameter ThresholdKey = new(
        "fedrdf_threshold",
        0.02,
        "FedRDF's dynamic switch: the round takes FedAvg when the share of coordinates whose Kolmogorov-Smirnov test rejects (averaged per layer, then over layers) is below this value, else the Fourier-based selection; 0 always takes the selection.",
        min: 0,
        max: 1);

    /// <summary>The keys FedRDF reads.</summary>
    public static readonly IParameter[] Keys = { ThresholdKey };

    /// <summary>The threshold on the share of rejecting tests.</summary>
    /// <value>The default value is 0.02, the paper's dynamic FedRDF.</value>
    public double Threshold { get; init; } = ThresholdKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FedRdfOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FedRdfOptions { Threshold = args.Get(ThresholdKey) };
    }
}
