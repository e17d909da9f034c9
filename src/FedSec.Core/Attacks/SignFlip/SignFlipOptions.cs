using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.SignFlip;

/// <summary>Options of sign flipping (<c>attack_type: sign_flip</c>).</summary>
public sealed class SignFlipOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>sign_flip_scale</c>: how far the reversed update reaches.</summary>
    public static readonly DoubleParameter ScaleKey = new(
        "sign_flip_scale",
        1.0,
        "Malicious clients send G - scale * (own honest update); 1 = the plain sign flip.",
        min: 0,
        minExclusive: true);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, ScaleKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The scale of the reversed update.</summary>
    /// <value>The default value is 1.</value>
    public double Scale { get; init; } = ScaleKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static SignFlipOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new SignFlipOptions { ClientNum = AttackerCount.Read(args), Scale = args.Get(ScaleKey) };
    }
}
