using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Interop;

/// <summary>
/// A test after-aggregation defense that adds 100 to each value of the new global model and records the round's
/// global model it saw, so tests can tell that it ran last and that G reached the round context.
/// </summary>
internal sealed class ShiftAfterAggregationComponent : IAfterAggregationDefense
{
    private readonly List<float[]> _seenGlobals;

    private ShiftAfterAggregationComponent(List<float[]> seenGlobals)
    {
        _seenGlobals = seenGlobals;
    }

    public static ComponentDescriptor Descriptor(List<float[]> seenGlobals) =>
        ComponentDescriptor.Defense("test_shift", "Adds 100 after aggregation (test).", _ => new ShiftAfterAggregationComponent(seenGlobals));

    public float[] DefendAfterAggregation(float[] global, RoundContext context)
    {
        _seenGlobals.Add(context.Global.ToArray());
        return global.Select(x => x + 100f).ToArray();
    }
}
