using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.NormDiffClipping;

/// <summary>Options of norm-difference clipping (<c>defense_type: norm_diff_clipping</c>).</summary>
public sealed class NormDiffClippingOptions
{
    /// <summary><c>norm_bound</c>: M, the largest L2 norm an update w − G may keep.</summary>
    public static readonly DoubleParameter NormBoundKey = new(
        "norm_bound", 5.0, "M, the largest L2 norm of an update w - G over the trainable parameters; longer updates are scaled down to M.", min: 0, minExclusive: true);

    /// <summary>The keys norm-difference clipping reads.</summary>
    public static readonly IParameter[] Keys = { NormBoundKey };

    /// <summary>M, the norm bound.</summary>
    /// <value>The default value is 5.</value>
    public double NormBound { get; init; } = NormBoundKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static NormDiffClippingOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new NormDiffClippingOptions { NormBound = args.Get(NormBoundKey) };
    }
}
