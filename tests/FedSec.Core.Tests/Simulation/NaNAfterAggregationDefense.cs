using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>An after-aggregation defense with a bug: it writes NaN into the global model.</summary>
internal sealed class NaNAfterAggregationDefense : IAfterAggregationDefense
{
    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        global[0] = float.NaN;
        return global;
    }
}
