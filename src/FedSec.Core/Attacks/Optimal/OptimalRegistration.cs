using FedSec.Components;

namespace FedSec.Attacks.Optimal;

/// <summary>Registers ByzFL's optimal ALIE and IPM as <c>optimal_alie</c> and <c>optimal_ipm</c>.</summary>
public static class OptimalRegistration
{
    /// <summary>The descriptor of <c>attack_type: optimal_alie</c>.</summary>
    public static ComponentDescriptor Alie { get; } = ComponentDescriptor.Attack(
        "optimal_alie",
        "ALIE (mu - z*sigma) with z chosen each round by a line search maximising the aggregate's distance to the benign mean under the configured defense (ByzFL).",
        OptimalOptions.Keys,
        OptimalOptions.Read,
        o => new OptimalAlieAttack(o));

    /// <summary>The descriptor of <c>attack_type: optimal_ipm</c>.</summary>
    public static ComponentDescriptor Ipm { get; } = ComponentDescriptor.Attack(
        "optimal_ipm",
        "IPM (-epsilon*mu) with epsilon chosen each round by a line search maximising the aggregate's distance to the benign mean under the configured defense (ByzFL).",
        OptimalOptions.Keys,
        OptimalOptions.Read,
        o => new OptimalIpmAttack(o));
}
