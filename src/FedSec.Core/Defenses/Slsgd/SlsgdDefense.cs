using System.Numerics.Tensors;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Slsgd;

/// <summary>
/// SLSGD (Xie, Koyejo and Gupta, "SLSGD: secure and efficient distributed on-device machine learning", ECML-PKDD
/// 2019): aggregate the round by the coordinate-wise trimmed mean dropping b values per side (option 2; the weighted
/// mean under option 1 or when b = 0), then move the global model part of the way: G ← (1 − α)G + α·aggregate.
/// Trimming and mixing act on the trainable parameters; buffers take the weighted mean. FedML's "trim" sorted whole models by
/// sample count instead of trimming each coordinate by value.
/// </summary>
internal sealed class SlsgdDefense(SlsgdOptions options) : IOnAggregationDefense
{
    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var layout = context.Layout;
        float[] aggregate;
        // Fewer updates than planned may arrive (an earlier defense removed some): trim no more than leaves one. A b that
        // comes down to 0 is the weighted mean, as b = 0 is (the trimmed mean with nothing trimmed is unweighted).
        int b = Math.Min(options.TrimParamB, (updates.Count - 1) / 2);
        if (options.Trimmed && b > 0)
        {
            aggregate = TrainableView.Compose(CoordinateTrimmedMean.Of(TrainableView.Of(updates, layout), b), updates, layout);
        }
        else
        {
            aggregate = WeightedMean.Of(updates);
        }

        return AggregationOutcome.Of(Mix(context.Global.Span, aggregate, options.Alpha, layout));
    }

    /// <summary>
    /// (1 − α)·G + α·aggregate on the trainable slices, in place in <paramref name="aggregate"/>; buffers keep the
    /// round's weighted mean, like every rule here.
    /// </summary>
    internal static float[] Mix(ReadOnlySpan<float> global, float[] aggregate, double alpha, ParameterLayout layout)
    {
        foreach (var entry in layout.Entries)
        {
            if (entry.Kind == ParameterKind.Trainable)
            {
                var target = aggregate.AsSpan(entry.Offset, entry.Length);
                TensorPrimitives.Multiply(target, (float)alpha, target);
                TensorPrimitives.MultiplyAdd(global.Slice(entry.Offset, entry.Length), (float)(1 - alpha), target, target);
            }
        }

        return aggregate;
    }
}
