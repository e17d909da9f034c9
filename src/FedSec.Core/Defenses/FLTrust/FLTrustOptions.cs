using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.FLTrust;

/// <summary>Options of FLTrust (<c>defense_type: fltrust</c>).</summary>
public sealed class FLTrustOptions
{
    /// <summary>
    /// <c>root_set_size</c>: how many clean samples the server holds out as its root data set. The engine reads this key
    /// to draw the set and to provide <see cref="Stages.RoundContext.ServerTrainer"/>.
    /// </summary>
    public static readonly IntParameter RootSetSizeKey = new(
        "root_set_size",
        100,
        "The number of clean training samples the server holds out as its root data set and trains on each round (the paper uses 100).",
        min: 1);

    /// <summary>The keys FLTrust reads.</summary>
    public static readonly IParameter[] Keys = { RootSetSizeKey };

    /// <summary>The size of the server's root data set.</summary>
    /// <value>The default value is 100, the paper's default.</value>
    public int RootSetSize { get; init; } = RootSetSizeKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FLTrustOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FLTrustOptions { RootSetSize = args.Get(RootSetSizeKey) };
    }
}
