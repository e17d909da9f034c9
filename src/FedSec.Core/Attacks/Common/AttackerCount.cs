using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Common;

/// <summary>
/// <c>byzantine_client_num</c>, FedML's count of malicious clients, shared by every model-poisoning attack and the
/// backdoors: that many identities are drawn once per experiment from the seed.
/// </summary>
internal static class AttackerCount
{
    /// <summary>The key, default 1.</summary>
    public static readonly IntParameter Key = new(
        "byzantine_client_num",
        1,
        "Number of malicious clients (fixed identities drawn once for the experiment).",
        min: 0);

    /// <summary>Reads the count; reports it when more clients are malicious than take part in a round.</summary>
    public static int Read(ComponentArgs args)
    {
        int count = args.Get(Key);
        if (count > args.Shape.ClientsPerRound)
        {
            args.Report(
                args.QualifiedKey(Key.Key),
                $"{count} malicious clients cannot take part in rounds of {args.Shape.ClientsPerRound} clients (train_args.client_num_per_round); use at most {args.Shape.ClientsPerRound}.");
        }

        return count;
    }
}
