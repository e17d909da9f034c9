using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Fang;

/// <summary>Options of Fang et al.'s attack on trimmed mean and median (<c>attack_type: fang_trim</c>).</summary>
public sealed class FangTrimOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>fang_trim_b</c>: b, how far past the benign extreme the forged values may reach.</summary>
    public static readonly DoubleParameter BKey = new(
        "fang_trim_b",
        2.0,
        "b > 1: each forged coordinate is drawn between the benign extreme and b times it (or it divided by b), against the direction of change.",
        min: 1,
        minExclusive: true);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, BKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>b.</summary>
    /// <value>The default value is 2, the paper's.</value>
    public double B { get; init; } = BKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static FangTrimOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FangTrimOptions { ClientNum = AttackerCount.Read(args), B = args.Get(BKey) };
    }
}
