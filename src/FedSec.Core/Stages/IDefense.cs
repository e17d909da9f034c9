namespace FedSec.Stages;

/// <summary>
/// A defense: it implements one or more of <see cref="IBeforeAggregationDefense"/>, <see cref="IOnAggregationDefense"/>
/// and <see cref="IAfterAggregationDefense"/>.
/// </summary>
public interface IDefense : IComponent
{
}
