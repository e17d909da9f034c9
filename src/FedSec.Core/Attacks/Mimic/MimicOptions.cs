using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Mimic;

/// <summary>Options of the mimic attack (<c>attack_type: mimic</c>).</summary>
public sealed class MimicOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>mimic_client</c>: the benign client to copy; −1 = the paper's heuristic.</summary>
    public static readonly IntParameter ClientKey = new(
        "mimic_client",
        -1,
        "Identity of the benign client all attackers copy; -1 = the one farthest along the benign updates' top principal direction (Karimireddy et al.), kept while it takes part.",
        min: -1);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, ClientKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The client to copy, or −1.</summary>
    /// <value>The default value is −1: chosen by the paper's heuristic.</value>
    public int Client { get; init; } = ClientKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static MimicOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new MimicOptions { ClientNum = AttackerCount.Read(args), Client = args.Get(ClientKey) };
        if (options.Client >= args.Shape.TotalClients)
        {
            args.Report(
                args.QualifiedKey(ClientKey.Key),
                $"Client {options.Client} does not exist; client identities run from 0 to {args.Shape.TotalClients - 1} (client_num_in_total = {args.Shape.TotalClients}), or use -1 for the paper's choice.");
        }

        return options;
    }
}
