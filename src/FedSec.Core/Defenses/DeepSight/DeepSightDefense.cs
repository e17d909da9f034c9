using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.DeepSight;

/// <summary>
/// DeepSight (Rieger, Nguyen, Miettinen and Sadeghi, "DeepSight: Mitigating Backdoor Attacks in Federated Learning
/// Through Deep Model Inspection", NDSS 2022), as an aggregation rule:
/// <list type="number">
/// <item>per model, the NEUPs of its output-layer update and their Threshold Exceedings (TE); a model whose TE is at most
/// half the median TE is labelled suspicious (a backdoor's update concentrates on few labels);</item>
/// <item>per model and per seeded set of uniform random images, the DDifs: the mean over the images of the model's
/// softmax output divided by the global model's, class by class (<see cref="RoundContext.Probe"/> runs the models);</item>
/// <item>HDBSCAN (min_samples 3) clusters the NEUPs, each seed's DDifs (Euclidean) and the output biases' updates (cosine
/// distances); the mean co-membership distance of these clusterings is clustered once more (a single cluster allowed),
/// each noise point a cluster of its own;</item>
/// <item>a cluster in which at least τ of the models are suspicious is removed; the accepted updates are clipped to the
/// median L2 norm of all updates and averaged with FedAvg's sample-count weights (the global model stays when nothing is
/// accepted).</item>
/// </list>
/// Verdicts: removed, kept or modified (clipped), each with its TE as the score.
/// </summary>
internal sealed class DeepSightDefense : IOnAggregationDefense, INeedsModelProbe
{
    /// <summary>Random images per forward pass; only speed and memory depend on it.</summary>
    internal const int BatchSize = 256;

    public DeepSightDefense(DeepSightOptions options) => Options = options;

    /// <summary>The options.</summary>
    public DeepSightOptions Options { get; }

    public bool NeedsFeatures => false;

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var probe = context.Probe ?? throw new InvalidOperationException(
            $"DeepSight runs the clients' models on random inputs, but round {context.Round} has no RoundContext.Probe: the model backend must be able to evaluate weight vectors on inputs.");
        var output = OutputLayer.Find(context.Layout, probe.ClassCount) ?? throw new InvalidOperationException(
            $"DeepSight reads the update of the output layer, but the layout has no trainable [{probe.ClassCount} × features] matrix followed by a bias of {probe.ClassCount}: {context.Layout}.");
        int n = updates.Count;
        var neups = new double[n][];
        var exceedings = new int[n];
        var biasUpdates = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var baseModel = context.UpdateBase(updates[i].ClientId).Span;
            var w = updates[i].Weights;
            var dW = Difference(w, baseModel, output.Weight);
            biasUpdates[i] = Difference(w, baseModel, output.Bias);
            neups[i] = DeepSightStatistics.Neups(dW, biasUpdates[i]);
            exceedings[i] = DeepSightStatistics.ThresholdExceedings(neups[i], Options.ThresholdFactor);
        }

        var suspicious = DeepSightStatistics.Suspicious(exceedings);
        var labels = Ensemble(neups, Ddifs(updates, context, probe), biasUpdates);
        var accepted = DeepSightStatistics.Accepted(labels, suspicious, Options.Tau);

        var deltas = TrainableDeltas.Of(updates, context);
        var norms = VectorNorms.L2(deltas.Deltas);
        double bound = ScalarMedian.Of(norms);
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            if (!accepted[i])
            {
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Removed, 0, exceedings[i]);
            }
            else if (norms[i] > bound)
            {
                kept.Add(deltas.Scaled(u, i, bound / norms[i]));
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Modified, 1, exceedings[i]);
            }
            else
            {
                kept.Add(u);
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Kept, 1, exceedings[i]);
            }
        }

        var result = kept.Count == 0 ? context.Global.ToArray() : WeightedMean.Of(kept);
        return new AggregationOutcome(result, verdicts);
    }

    /// <summary>The final labels of the ensemble clustering.</summary>
    internal int[] Ensemble(double[][] neups, double[][][] ddifs, float[][] biasUpdates)
    {
        int size = Options.MinClusterSize;
        var cosine = DeepSightStatistics.ClusterDistances(DeepSightStatistics.Cluster(DeepSightStatistics.CosineDistances(biasUpdates), size, false));
        var neup = DeepSightStatistics.ClusterDistances(DeepSightStatistics.Cluster(DeepSightStatistics.EuclideanDistances(neups), size, false));
        var perSeed = ddifs.Select(d => DeepSightStatistics.ClusterDistances(DeepSightStatistics.Cluster(DeepSightStatistics.EuclideanDistances(d), size, false))).ToArray();
        return DeepSightStatistics.Cluster(DeepSightStatistics.EnsembleDistances(perSeed, neup, cosine), size, true);
    }

    /// <summary>DDifs[seed][client][class] over <see cref="DeepSightOptions.NumSamples"/> seeded uniform images per seed.</summary>
    private double[][][] Ddifs(IReadOnlyList<ClientUpdate> updates, RoundContext context, IModelProbe probe)
    {
        int n = updates.Count, classes = probe.ClassCount;
        int imageLength = probe.Channels * probe.Height * probe.Width;
        var result = new double[Options.NumSeeds][][];
        var pixels = new float[Math.Min(BatchSize, Options.NumSamples) * imageLength];
        for (int s = 0; s < Options.NumSeeds; s++)
        {
            var sums = new double[n][];
            for (int i = 0; i < n; i++)
            {
                sums[i] = new double[classes];
            }

            for (int start = 0, batch = 0; start < Options.NumSamples; start += BatchSize, batch++)
            {
                int count = Math.Min(BatchSize, Options.NumSamples - start);
                var span = pixels.AsSpan(0, count * imageLength);

                // The same images every round (the paper's fixed random inputs), drawn batch by batch to bound memory.
                var random = context.Seeds.Random("deepsight-inputs", s, batch);
                for (int p = 0; p < span.Length; p++)
                {
                    span[p] = random.NextSingle();
                }

                var global = probe.Probe(context.Global.Span, span, count, false).Probabilities;
                for (int i = 0; i < n; i++)
                {
                    DeepSightStatistics.AccumulateDdif(probe.Probe(updates[i].Weights, span, count, false).Probabilities, global, sums[i]);
                }
            }

            foreach (var row in sums)
            {
                for (int k = 0; k < classes; k++)
                {
                    row[k] /= Options.NumSamples;
                }
            }

            result[s] = sums;
        }

        return result;
    }

    private static float[] Difference(float[] weights, ReadOnlySpan<float> baseModel, ParameterEntry entry)
    {
        var d = new float[entry.Length];
        for (int j = 0; j < d.Length; j++)
        {
            d[j] = weights[entry.Offset + j] - baseModel[entry.Offset + j];
        }

        return d;
    }
}
