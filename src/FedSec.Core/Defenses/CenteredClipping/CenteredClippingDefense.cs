using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.CenteredClipping;

/// <summary>
/// Centered clipping (Karimireddy, He and Jaggi, "Learning from history for Byzantine robust optimization", ICML
/// 2021), optionally over buckets (Karimireddy, He and Jaggi, "Byzantine-robust learning on heterogeneous datasets
/// via bucketing", ICLR 2022): starting from the previous round's aggregated update v (zero in the first round),
/// repeat L times v ← v + (1/m) Σ clip(Δᵢ − v, τ), clip(x, τ) = x · min(1, τ/‖x‖), over the m updates Δᵢ = wᵢ − G (or
/// bucket means); the new model is G + v. Computed in weight space around the centre G + v, each step one fused pass
/// (<see cref="CombineAndMeasure"/>). Unweighted (1/m), as in the paper. The previous aggregate is kept in this
/// instance, which belongs to one experiment. Buffers take the weighted mean. FedML ran one step around a randomly
/// chosen client's model instead of the previous aggregate.
/// Verdicts: a client whose (bucket's) deviation was clipped in the last step is Modified, scored by that deviation.
/// </summary>
internal sealed class CenteredClippingDefense : IOnAggregationDefense, ICrossRoundState, IReportsStateBytes
{
    private readonly CenteredClippingOptions _options;
    private float[]? _previousUpdate;

    public CenteredClippingDefense(CenteredClippingOptions options) => _options = options;

    /// <summary>The previous round's aggregated update, once there is one: d × 4 bytes.</summary>
    public long StateBytes => (_previousUpdate?.LongLength ?? 0) * sizeof(float);

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var layout = context.Layout;
        var trainable = TrainableView.Of(updates, layout);
        var global = TrainableView.Of(context.Global, layout);
        int[][] groups;
        IReadOnlyList<float[]> points;
        if (_options.BucketSize > 1)
        {
            groups = Buckets.OfSize(Buckets.ShuffledOrder(updates, context.Random("cclip")), _options.BucketSize);
            points = Buckets.Means(trainable, groups, Enumerable.Repeat(1.0, n).ToArray()).Means;
        }
        else
        {
            groups = Enumerable.Range(0, n).Select(i => new[] { i }).ToArray();
            points = trainable;
        }

        var center = (float[])global.Clone();
        if (_previousUpdate is { } v && v.Length == center.Length)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(center, v, center);
        }

        var (factors, deviations) = Iterate(points, center, _options.Tau, _options.Iterations);
        var update = new float[center.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(center, global, update);
        _previousUpdate = update;

        var verdicts = new ClientVerdict[n];
        for (int g = 0; g < groups.Length; g++)
        {
            foreach (int i in groups[g])
            {
                verdicts[i] = new ClientVerdict(updates[i].ClientId, factors[g] < 1 ? VerdictKind.Modified : VerdictKind.Kept, 1.0, deviations[g]);
            }
        }

        return new AggregationOutcome(TrainableView.Compose(center, updates, layout), verdicts);
    }

    /// <summary>
    /// The centred-clipping steps on <paramref name="center"/> (in place): z ← z + (1/m) Σ clip(pᵢ − z, τ), L times.
    /// Returns the clip factors min(1, τ/‖pᵢ − z‖) and the deviations ‖pᵢ − z‖ of the last step.
    /// </summary>
    internal static (double[] Factors, double[] Deviations) Iterate(IReadOnlyList<float[]> points, float[] center, double tau, int iterations)
    {
        int m = points.Count;
        var distances = CombineAndMeasure.Run(points, new double[m], 1.0, center).Select(Math.Sqrt).ToArray();
        var factors = new double[m];
        var deviations = distances;
        for (int step = 0; step < iterations; step++)
        {
            deviations = distances;
            var coefficients = new double[m];
            double total = 0;
            for (int i = 0; i < m; i++)
            {
                factors[i] = Math.Min(1, tau / deviations[i]);
                coefficients[i] = factors[i] / m;
                total += factors[i];
            }

            double kept = 1 - (total / m);

            // z + (1/m) Σ cᵢ (pᵢ − z) = (1 − Σ cᵢ/m) z + Σ (cᵢ/m) pᵢ, and the distances to the new z in the same pass.
            distances = CombineAndMeasure.Run(points, coefficients, kept, center).Select(Math.Sqrt).ToArray();
        }

        return (factors, deviations);
    }

    public void WriteState(BinaryWriter writer) => StateVectors.Write(writer, _previousUpdate);

    public void ReadState(BinaryReader reader) => _previousUpdate = StateVectors.Read(reader);
}
