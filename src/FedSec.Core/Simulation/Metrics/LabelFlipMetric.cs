using System.Globalization;
using FedSec.Stages;

namespace FedSec.Simulation.Metrics;

/// <summary>
/// For label flipping: the recall of each source class (<c>recall_class_S</c>) and the share of its clean test samples
/// predicted as the target (<c>flip_S_to_T</c>), from the evaluation's confusion counts.
/// </summary>
internal sealed class LabelFlipMetric : IRoundMetric
{
    private readonly IReadOnlyList<LabelFlip> _flips;

    public LabelFlipMetric(IReadOnlyList<LabelFlip> flips) => _flips = flips;

    public void Compute(float[] global, Evaluation evaluation, IModelBackend backend, IDictionary<string, double> metrics)
    {
        foreach (var f in _flips)
        {
            string s = f.Source.ToString(CultureInfo.InvariantCulture), t = f.Target.ToString(CultureInfo.InvariantCulture);
            metrics[$"recall_class_{s}"] = evaluation.Recall(f.Source);
            metrics[$"flip_{s}_to_{t}"] = evaluation.Share(f.Source, f.Target);
        }
    }
}
