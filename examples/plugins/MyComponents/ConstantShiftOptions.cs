using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace MyComponents;

/// <summary>Options of <see cref="ConstantShift"/> (<c>attack_type: constant_shift</c>).</summary>
public sealed record ConstantShiftOptions
{
    /// <summary><c>byzantine_client_num</c>: how many clients are malicious (FedML's key, shared with the built-in attacks).</summary>
    public static readonly IntParameter ClientNumKey = new("byzantine_client_num", 1, "Number of malicious clients.", min: 0);

    /// <summary><c>shift</c>: what a malicious client adds to every trainable weight of its model.</summary>
    public static readonly DoubleParameter ShiftKey = new("shift", 0.5, "Added to every trainable weight of a malicious client's model.");

    /// <summary>The keys the attack reads.</summary>
    public static readonly IParameter[] Keys = [ClientNumKey, ShiftKey];

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The shift.</summary>
    /// <value>The default value is 0.5.</value>
    public double Shift { get; init; } = ShiftKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static ConstantShiftOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ConstantShiftOptions { ClientNum = args.Get(ClientNumKey), Shift = args.Get(ShiftKey) };
        if (options.ClientNum > args.Shape.ClientsPerRound)
        {
            args.Report(ClientNumKey.Key, $"{options.ClientNum} malicious clients cannot take part in rounds of {args.Shape.ClientsPerRound} clients; use at most {args.Shape.ClientsPerRound}.");
        }

        return options;
    }
}
