using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Nnm;

/// <summary>Options of nearest-neighbour mixing (<c>defense_type: nnm</c>).</summary>
public sealed class NnmOptions
{
    /// <summary><c>byzantine_client_num</c>: f; each update is replaced by the mean of its n − f nearest neighbours.</summary>
    public static readonly IntParameter ByzantineClientNumKey = new("byzantine_client_num", 1, "f: each update becomes the mean of its n - f nearest neighbours, itself included (read from attack_args too).", min: 0);

    /// <summary>The keys NNM reads.</summary>
    public static readonly IParameter[] Keys = { ByzantineClientNumKey };

    /// <summary>f, the number of Byzantine clients tolerated.</summary>
    /// <value>The default value is 1.</value>
    public int ByzantineClientNum { get; init; } = ByzantineClientNumKey.Default;

    /// <summary>Reads and validates the options (f must leave at least one neighbour: f &lt; n).</summary>
    public static NnmOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new NnmOptions { ByzantineClientNum = args.Get(ByzantineClientNumKey) };
        int n = args.Shape.ClientsPerRound;
        if (options.ByzantineClientNum >= n)
        {
            args.Report(
                args.QualifiedKey(ByzantineClientNumKey.Key),
                $"NNM mixes each update with its n − f nearest neighbours, but f = {options.ByzantineClientNum} leaves none of the n = {n} clients per round (train_args.client_num_per_round); f must be below n (the paper assumes f < n/2).");
        }

        return options;
    }
}
