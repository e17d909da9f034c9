using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Defenses.FLTrust;
using FedSec.Stages;

namespace FedSec.Defenses.AflGuard;

/// <summary>Options of AFLGuard (<c>defense_type: aflguard</c>).</summary>
public sealed class AflGuardOptions
{
    /// <summary><c>aflguard_lambda</c>: λ, the accepted distance from the server's update relative to its norm.</summary>
    public static readonly DoubleParameter LambdaKey = new(
        "aflguard_lambda",
        1.5,
        "AFLGuard's lambda: an update g is accepted when ||g - g_server|| <= lambda * ||g_server||, g_server the server's update on its trusted root set.",
        min: 0,
        minExclusive: true);

    /// <summary>The keys AFLGuard reads: λ, the trusted set's size and how long the server trains on it (FLTrust's keys).</summary>
    public static readonly IParameter[] Keys = { LambdaKey, FLTrustOptions.RootSetSizeKey, FLTrustOptions.ServerTrainingKey };

    /// <summary>λ.</summary>
    /// <value>The default value is 1.5.</value>
    public double Lambda { get; init; } = LambdaKey.Default;

    /// <summary>The size of the server's trusted data set.</summary>
    /// <value>The default value is 100.</value>
    public int RootSetSize { get; init; } = FLTrustOptions.RootSetSizeKey.Default;

    /// <summary>How long the server trains on its trusted set for its own update.</summary>
    /// <value>The default value is <see cref="ServerTrainingLength.ClientSteps"/>: the paper's server computes its update the way a client does.</value>
    public ServerTrainingLength ServerTraining { get; init; } = FLTrustOptions.ServerTrainingKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static AflGuardOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new AflGuardOptions { Lambda = args.Get(LambdaKey), RootSetSize = args.Get(FLTrustOptions.RootSetSizeKey), ServerTraining = args.Get(FLTrustOptions.ServerTrainingKey) };
    }
}
