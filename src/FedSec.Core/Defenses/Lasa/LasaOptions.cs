using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Lasa;

/// <summary>Options of LASA (<c>defense_type: lasa</c>).</summary>
public sealed class LasaOptions
{
    /// <summary><c>lasa_sparsity</c>: the fraction of each update's smallest-magnitude weight-matrix coordinates zeroed before the filters.</summary>
    public static readonly DoubleParameter SparsityKey = new(
        "lasa_sparsity",
        0.3,
        "The fraction of each update's coordinates in weight matrices and convolution kernels (tensors of 2 or more dimensions) zeroed by top-k sparsification before LASA measures norms and signs; 0 keeps all.",
        min: 0,
        max: 1,
        maxExclusive: true);

    /// <summary><c>lasa_norm_bound</c>: λ_n, the MZ-score bound of the layer norms.</summary>
    public static readonly DoubleParameter NormBoundKey = new(
        "lasa_norm_bound",
        2.0,
        "λ_n: per layer, a client is kept by the magnitude filter when |norm − median| / std of the round's layer norms is below λ_n.",
        min: 0,
        minExclusive: true);

    /// <summary><c>lasa_sign_bound</c>: λ_s, the MZ-score bound of the layers' positive-direction purity.</summary>
    public static readonly DoubleParameter SignBoundKey = new(
        "lasa_sign_bound",
        1.0,
        "λ_s: per layer, a client is kept by the direction filter when |purity − median| / std of the round's sign purities is below λ_s.",
        min: 0,
        minExclusive: true);

    /// <summary>The keys LASA reads.</summary>
    public static readonly IParameter[] Keys = { SparsityKey, NormBoundKey, SignBoundKey };

    /// <summary>The sparsified fraction.</summary>
    /// <value>The default value is 0.3, FLPoison's default for LASA.</value>
    public double Sparsity { get; init; } = SparsityKey.Default;

    /// <summary>λ_n.</summary>
    /// <value>The default value is 2.0 (FLPoison's default; the paper uses 1.0 on CIFAR).</value>
    public double NormBound { get; init; } = NormBoundKey.Default;

    /// <summary>λ_s.</summary>
    /// <value>The default value is 1.0.</value>
    public double SignBound { get; init; } = SignBoundKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static LasaOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new LasaOptions
        {
            Sparsity = args.Get(SparsityKey),
            NormBound = args.Get(NormBoundKey),
            SignBound = args.Get(SignBoundKey),
        };
    }
}
