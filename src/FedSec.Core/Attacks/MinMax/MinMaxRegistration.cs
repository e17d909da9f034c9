using FedSec.Components;

namespace FedSec.Attacks.MinMax;

/// <summary>Registers Min-Max as <c>min_max</c> and Min-Sum as <c>min_sum</c>.</summary>
public static class MinMaxRegistration
{
    /// <summary>The descriptor of <c>attack_type: min_max</c>.</summary>
    public static ComponentDescriptor MinMax { get; } = ComponentDescriptor.Attack(
        "min_max",
        "Min-Max: mu + gamma*p with the largest gamma keeping its max distance to benign updates within their max pairwise distance (Shejwalkar & Houmansadr 2021).",
        MinMaxOptions.Keys,
        MinMaxOptions.Read,
        o => new MinMaxAttack(o with { Objective = MinMaxObjective.MaxDistance }));

    /// <summary>The descriptor of <c>attack_type: min_sum</c>.</summary>
    public static ComponentDescriptor MinSum { get; } = ComponentDescriptor.Attack(
        "min_sum",
        "Min-Sum: mu + gamma*p with the largest gamma keeping its sum of squared distances to benign updates within the largest benign one (Shejwalkar & Houmansadr 2021).",
        MinMaxOptions.Keys,
        MinMaxOptions.Read,
        o => new MinMaxAttack(o with { Objective = MinMaxObjective.SumOfSquares }));
}
