using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Ipm;

/// <summary>Options of inner-product manipulation (<c>attack_type: ipm</c>).</summary>
public sealed class IpmOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>ipm_epsilon</c>: ε, the scale of the reversed benign mean.</summary>
    public static readonly DoubleParameter EpsilonKey = new(
        "ipm_epsilon",
        0.1,
        "epsilon: malicious clients send -epsilon times the benign mean update (0.1 against median/Krum-type rules; above (n-f)/f it reverses a plain mean).",
        min: 0,
        minExclusive: true);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, EpsilonKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>ε.</summary>
    /// <value>The default value is 0.1 (Xie et al.'s setting against median- and Krum-type rules).</value>
    public double Epsilon { get; init; } = EpsilonKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static IpmOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new IpmOptions { ClientNum = AttackerCount.Read(args), Epsilon = args.Get(EpsilonKey) };
    }
}
