using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace MyComponents;

/// <summary>Options of <see cref="NormRatioFilter"/> (<c>defense_type: norm_ratio_filter</c>).</summary>
public sealed record NormRatioFilterOptions
{
    /// <summary><c>norm_ratio</c>: how many times the median update norm an update may reach.</summary>
    public static readonly DoubleParameter RatioKey = new(
        "norm_ratio", 2.0, "Updates whose norm exceeds this many times the median update norm are removed.", min: 1);

    /// <summary>The keys the defense reads.</summary>
    public static readonly IParameter[] Keys = [RatioKey];

    /// <summary>The largest allowed ratio of an update's norm to the median norm.</summary>
    /// <value>The default value is 2.</value>
    public double Ratio { get; init; } = RatioKey.Default;

    /// <summary>Reads the options; a bad value is reported through <paramref name="args"/>, not thrown.</summary>
    public static NormRatioFilterOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new NormRatioFilterOptions { Ratio = args.Get(RatioKey) };
    }
}
