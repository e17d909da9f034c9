using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Fang;

/// <summary>Options of Fang et al.'s attack on Krum (<c>attack_type: fang_krum</c>).</summary>
public sealed class FangKrumOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients, also the f Krum is assumed to tolerate.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>fang_lambda_threshold</c>: λ is halved until Krum picks the forged update or λ would fall below this.</summary>
    public static readonly DoubleParameter ThresholdKey = new(
        "fang_lambda_threshold",
        1e-5,
        "lambda is halved from the paper's upper bound until Krum selects the forged model or lambda would fall below this threshold.",
        min: 0,
        minExclusive: true);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, ThresholdKey };

    /// <summary>Number of malicious clients, and Krum's f.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The smallest λ tried.</summary>
    /// <value>The default value is 10⁻⁵, the paper's.</value>
    public double Threshold { get; init; } = ThresholdKey.Default;

    /// <summary>Reads and validates the options (Krum needs n − f − 2 ≥ 1); problems go to <paramref name="args"/>.</summary>
    public static FangKrumOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FangKrumOptions { ClientNum = AttackerCount.Read(args), Threshold = args.Get(ThresholdKey) };
        int n = args.Shape.ClientsPerRound, f = options.ClientNum;
        if (n - f - 2 < 1)
        {
            args.Report(
                args.QualifiedKey(ClientNumKey.Key),
                $"The attack on Krum simulates Krum, which needs n − f − 2 ≥ 1; n = {n} (client_num_per_round) and f = {f} give {n - f - 2}. Use at most {n - 3} malicious clients.");
        }

        return options;
    }
}
