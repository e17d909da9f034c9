using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Alie;

/// <summary>Options of "A little is enough" (<c>attack_type: alie</c>).</summary>
public sealed class AlieOptions
{
    /// <summary><c>byzantine_client_num</c>: f, the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>alie_z</c>: the number of standard deviations; unset = Baruch et al.'s formula.</summary>
    public static readonly OptionalParameter<double> ZKey = new(
        new DoubleParameter("alie_z", 0, "Standard deviations the forged update lies from the benign mean (mu - z*sigma); unset = Baruch et al.'s z_max from n and f of the round."),
        "Φ⁻¹((n − s)/n), s = ⌊n/2 + 1⌋ − f");

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, ZKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>z, or null to derive it each round from the number of clients n and of malicious clients f.</summary>
    /// <value>The default value is null: z = Φ⁻¹((n − s)/n) with s = ⌊n/2 + 1⌋ − f.</value>
    public double? Z { get; init; } = ZKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static AlieOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new AlieOptions { ClientNum = AttackerCount.Read(args), Z = args.Get(ZKey) };
        int n = args.Shape.ClientsPerRound, f = options.ClientNum;
        if (options.Z is null && f > n / 2)
        {
            args.Report(
                args.QualifiedKey(ClientNumKey.Key),
                $"ALIE's z formula needs s = ⌊n/2 + 1⌋ − f ≥ 1 (a minority of malicious clients), but n = {n} (client_num_per_round) and f = {f} give s = {(n / 2) + 1 - f}; use at most {n / 2} malicious clients or set alie_z.");
        }

        return options;
    }
}
