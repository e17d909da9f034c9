namespace FedSec.Stages;

/// <summary>
/// An after-aggregation defense (FedMLSecurity's <c>defend_after_aggregation</c>): clips or adds noise to the new
/// global model before it is evaluated and sent out.
/// </summary>
public interface IAfterAggregationDefense : IDefense
{
    /// <summary>Returns the defended global model (a new array or <paramref name="global"/> changed in place).</summary>
    float[] DefendAfterAggregation(float[] global, RoundContext context);
}
