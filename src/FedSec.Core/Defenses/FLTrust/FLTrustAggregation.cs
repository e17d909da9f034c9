using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.FLTrust;

/// <summary>
/// FLTrust (Cao, Fang, Liu and Gong, "FLTrust: Byzantine-robust federated learning via trust bootstrapping", NDSS
/// 2021). The server trains the global model G on its small clean root set to get its own update g₀; each client's
/// update Δᵢ gets the trust score TSᵢ = ReLU(cos(Δᵢ, g₀)) and is rescaled to ‖g₀‖; the new model is
/// G + Σ TSᵢ·(‖g₀‖/‖Δᵢ‖)Δᵢ / Σ TSᵢ over the trainable parameters, or G unchanged when every score is 0. Sample
/// counts play no part (the paper's rule). Buffers (BatchNorm statistics) are the TS-weighted mean of the clients'.
/// As <see cref="INeedsServerData"/> it tells the engine how many samples to hold out for the root set.
/// </summary>
internal sealed class FLTrustAggregation : IOnAggregationDefense, INeedsServerData
{
    public FLTrustAggregation(FLTrustOptions options) => Options = options;

    /// <summary>The options, including the root set size the engine provides.</summary>
    public FLTrustOptions Options { get; }

    public int RootSetSize => Options.RootSetSize;

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var trainer = context.ServerTrainer ?? throw new InvalidOperationException(
            $"FLTrust needs the server's own update on its clean root data set, but round {context.Round} has no RoundContext.ServerTrainer: the engine must hold out a root set (root_set_size = {Options.RootSetSize} samples) and provide a trainer for it.");
        var layout = context.Layout;
        var deltas = TrainableDeltas.Of(updates, context);
        var training = trainer(Options.ServerTraining);
        if (training.Diverged)
        {
            return AggregationOutcome.StoppedBy(training);
        }

        var server = layout.GatherTrainable(training.Weights);
        var g0 = new float[server.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(server, deltas.GlobalTrainable, g0);
        double g0Norm = VectorNorms.L2(g0);

        int n = updates.Count;
        var trust = new double[n];
        var cosine = new double[n];
        var norms = VectorNorms.L2(deltas.Deltas);
        Parallel.For(0, n, i =>
        {
            cosine[i] = CosineSimilarity.Of(deltas.Deltas[i], g0);
            trust[i] = Math.Max(0, cosine[i]);
        });

        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            verdicts[i] = new ClientVerdict(updates[i].ClientId, trust[i] > 0 ? VerdictKind.Reweighted : VerdictKind.Removed, trust[i], cosine[i]);
        }

        double total = trust.Sum();
        var result = context.Global.ToArray();
        if (total <= 0)
        {
            return new AggregationOutcome(result, verdicts);
        }

        // Σ TSᵢ·(‖g₀‖/‖Δᵢ‖)·Δᵢ / Σ TSᵢ.
        var coefficients = new double[n];
        for (int i = 0; i < n; i++)
        {
            coefficients[i] = trust[i] > 0 ? trust[i] * g0Norm / norms[i] / total : 0;
        }

        var step = new float[g0.Length];
        WeightedSum.Compute(deltas.Deltas, coefficients, 1, step);
        result = deltas.Rebuild(BufferMean(updates, trust, total, result, layout), step);
        return new AggregationOutcome(result, verdicts);
    }

    /// <summary>The global vector with its buffer elements replaced by the trust-weighted mean of the clients' buffers.</summary>
    private static float[] BufferMean(IReadOnlyList<ClientUpdate> updates, double[] trust, double total, float[] global, ParameterLayout layout)
    {
        var result = (float[])global.Clone();
        foreach (var e in layout.Entries.Where(e => e.Kind == ParameterKind.Buffer))
        {
            for (int j = e.Offset; j < e.Offset + e.Length; j++)
            {
                double s = 0;
                for (int i = 0; i < updates.Count; i++)
                {
                    s += trust[i] * updates[i].Weights[j];
                }

                result[j] = (float)(s / total);
            }
        }

        return result;
    }
}
