using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.Flame;

/// <summary>Options of FLAME (<c>defense_type: flame</c>).</summary>
public sealed class FlameOptions
{
    /// <summary><c>flame_lambda</c>: λ, the noise level relative to the clipping bound S.</summary>
    public static readonly DoubleParameter LambdaKey = new(
        "flame_lambda",
        0.001,
        "λ: FLAME adds N(0, (λ·S)²) to every trainable parameter of the new global model, S the median update norm of the round (0 = no noise).",
        min: 0);

    /// <summary>The keys FLAME reads.</summary>
    public static readonly IParameter[] Keys = { LambdaKey };

    /// <summary>λ, the noise level factor.</summary>
    /// <value>The default value is 0.001, the paper's value for image classification.</value>
    public double Lambda { get; init; } = LambdaKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FlameOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FlameOptions { Lambda = args.Get(LambdaKey) };
    }
}
