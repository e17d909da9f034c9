using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Gaussian;

/// <summary>Options of the Gaussian noise attack (<c>attack_type: gaussian</c>).</summary>
public sealed class GaussianOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>gaussian_mean</c>: μ_g, the mean of the noise.</summary>
    public static readonly DoubleParameter MeanKey = new("gaussian_mean", 0.0, "mu_g: mean of the N(mu_g, sigma_g^2) noise added to each trainable coordinate of G.");

    /// <summary><c>gaussian_std</c>: σ_g, the standard deviation of the noise.</summary>
    public static readonly DoubleParameter StdKey = new("gaussian_std", 1.0, "sigma_g: standard deviation of the noise added to each trainable coordinate of G.", min: 0);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, MeanKey, StdKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>μ_g.</summary>
    /// <value>The default value is 0.</value>
    public double Mean { get; init; } = MeanKey.Default;

    /// <summary>σ_g.</summary>
    /// <value>The default value is 1 (large against a CNN's weights of order 0.1: the attack is meant to be blatant).</value>
    public double Std { get; init; } = StdKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static GaussianOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new GaussianOptions { ClientNum = AttackerCount.Read(args), Mean = args.Get(MeanKey), Std = args.Get(StdKey) };
    }
}
