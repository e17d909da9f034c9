using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>Options of Neurotoxin (<c>attack_type: neurotoxin</c>): the backdoor's keys and the mask ratio.</summary>
public sealed class NeurotoxinOptions
{
    /// <summary><c>neurotoxin_ratio</c>: the fraction of trainable coordinates the attacker may change.</summary>
    public static readonly DoubleParameter RatioKey = new(
        "neurotoxin_ratio",
        0.95,
        "The fraction of trainable coordinates a Neurotoxin attacker trains: those the last observed global update changed least; the rest (the top 1 - ratio by magnitude) stay at the global model.",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary>The keys Neurotoxin reads: the pixel-pattern backdoor's, then the ratio.</summary>
    public static readonly IParameter[] Keys = BackdoorOptions.Keys.Append(RatioKey).ToArray();

    /// <summary>The backdoor (trigger, poisoned fraction, target, attackers).</summary>
    /// <value>The default value is the backdoor's defaults.</value>
    public BackdoorOptions Backdoor { get; init; } = new();

    /// <summary>The trained fraction of coordinates.</summary>
    /// <value>The default value is 0.95 (the top 5 % of the benign update masked).</value>
    public double Ratio { get; init; } = RatioKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static NeurotoxinOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new NeurotoxinOptions { Backdoor = BackdoorOptions.Read(args), Ratio = args.Get(RatioKey) };
    }
}
