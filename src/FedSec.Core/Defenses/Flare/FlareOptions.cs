using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Defenses.FLTrust;

namespace FedSec.Defenses.Flare;

/// <summary>Options of FLARE (<c>defense_type: flare</c>).</summary>
public sealed class FlareOptions
{
    /// <summary><c>flare_temperature</c>: τ of the softmax that turns neighbour counts into trust scores.</summary>
    public static readonly DoubleParameter TemperatureKey = new(
        "flare_temperature",
        1.0,
        "τ: the trust score of a client is exp(cᵢ/τ) / Σⱼ exp(cⱼ/τ), cᵢ the number of clients that count it among their nearest neighbours by MMD.",
        min: 0,
        minExclusive: true);

    /// <summary>The keys FLARE reads: <c>root_set_size</c> (the auxiliary samples the server holds out) and the temperature.</summary>
    public static readonly IParameter[] Keys = { FLTrustOptions.RootSetSizeKey, TemperatureKey };

    /// <summary>How many clean training samples the server holds out as its auxiliary set (<c>root_set_size</c>).</summary>
    /// <value>The default value is 100 (<c>root_set_size</c>'s default).</value>
    public int AuxiliarySamples { get; init; } = FLTrustOptions.RootSetSizeKey.Default;

    /// <summary>τ.</summary>
    /// <value>The default value is 1, the paper's.</value>
    public double Temperature { get; init; } = TemperatureKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FlareOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FlareOptions { AuxiliarySamples = args.Get(FLTrustOptions.RootSetSizeKey), Temperature = args.Get(TemperatureKey) };
    }
}
