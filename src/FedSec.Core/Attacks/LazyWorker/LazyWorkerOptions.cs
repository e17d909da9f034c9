using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.LazyWorker;

/// <summary>Options of the lazy worker / free rider (<c>attack_type: lazy_worker</c>).</summary>
public sealed class LazyWorkerOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of free riders.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>noise_std</c>: σ of the disguise noise; 0 sends G itself.</summary>
    public static readonly DoubleParameter NoiseStdKey = new(
        "noise_std",
        0.0,
        "Standard deviation of the Gaussian noise a free rider adds to G to look trained (0 = send G unchanged).",
        min: 0);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, NoiseStdKey };

    /// <summary>Number of free riders.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>σ of the disguise noise.</summary>
    /// <value>The default value is 0: the plain free rider sends the global model back.</value>
    public double NoiseStd { get; init; } = NoiseStdKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static LazyWorkerOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new LazyWorkerOptions { ClientNum = AttackerCount.Read(args), NoiseStd = args.Get(NoiseStdKey) };
    }
}
