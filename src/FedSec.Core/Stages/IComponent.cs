namespace FedSec.Stages;

/// <summary>
/// An attack or a defense: what a configuration names (<c>attack_type</c>, <c>defense_type</c>). It takes part in
/// every stage whose interface it implements (the paper's <c>is_*</c> enabler functions), so one instance may act at
/// several stages (FLAME filters before and adds noise after the aggregation).
/// </summary>
public interface IComponent
{
}
