using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Flare;

/// <summary>
/// FLARE (Wang, Kang, Liu, Yu and Han, "FLARE: Defending Federated Learning against Model Poisoning Attacks via Latent
/// Space Representations", AsiaCCS 2022), as an aggregation rule. The server runs each local model on its held-out
/// auxiliary samples (<see cref="RoundContext.ServerSamples"/>, <c>root_set_size</c> of them) and takes the
/// penultimate-layer representations (PLRs, <see cref="RoundContext.Probe"/>); between every two clients it measures the
/// MMD of their PLR sets (Gaussian kernel, γ = 1/the PLR's length, the default the authors' code leaves to scikit-learn);
/// each client names its k = ⌊n/2⌋ nearest others, cᵢ counts how often i is named, and the trust scores are
/// TSᵢ = softmax(c/τ)ᵢ. The new model is G + Σ TSᵢ·Δᵢ over every element (Σ TSᵢ = 1, so buffers become their
/// trust-weighted mean); sample counts play no part. Verdicts: reweighted, weight TSᵢ, score cᵢ.
/// As <see cref="INeedsServerData"/> it tells the engine how many samples to hold out.
/// </summary>
internal sealed class FlareDefense : IOnAggregationDefense, INeedsServerData, INeedsModelProbe
{
    public FlareDefense(FlareOptions options) => Options = options;

    /// <summary>The options.</summary>
    public FlareOptions Options { get; }

    public int RootSetSize => Options.AuxiliarySamples;

    public bool NeedsFeatures => true;

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var probe = context.Probe ?? throw new InvalidOperationException(
            $"FLARE runs the clients' models on the server's samples, but round {context.Round} has no RoundContext.Probe: the model backend must be able to evaluate weight vectors on inputs.");
        var samples = context.ServerSamples ?? throw new InvalidOperationException(
            $"FLARE needs the server's held-out auxiliary samples, but round {context.Round} has no RoundContext.ServerSamples: the engine must hold out root_set_size = {Options.AuxiliarySamples} samples.");
        int n = updates.Count;
        var plrs = new float[n][][];
        for (int i = 0; i < n; i++)
        {
            plrs[i] = probe.Probe(updates[i].Weights, samples.Pixels, samples.Count, true).Features
                ?? throw new InvalidOperationException("The model probe returned no penultimate features although FLARE asked for them.");
        }

        var counts = Counts(plrs);
        var trust = FlareScores.TrustScores(counts, Options.Temperature);
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Reweighted, trust[i], counts[i]);
        }

        return new AggregationOutcome(Aggregate(updates, trust, context), verdicts);
    }

    /// <summary>The neighbour counts of the clients' PLR sets.</summary>
    internal static int[] Counts(float[][][] plrs)
    {
        int n = plrs.Length;
        int length = plrs.Length > 0 && plrs[0].Length > 0 ? plrs[0][0].Length : 1;
        double gamma = 1.0 / length;
        var mmd = new double[n, n];
        Parallel.For(0, n, i =>
        {
            for (int j = i + 1; j < n; j++)
            {
                mmd[i, j] = FlareScores.Mmd(plrs[i], plrs[j], gamma);
            }
        });
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                mmd[i, j] = mmd[j, i];
            }
        }

        return FlareScores.NeighbourCounts(mmd, FlareScores.Neighbours(n));
    }

    /// <summary>G + Σ TSᵢ·(wᵢ − baseᵢ), every element summed in client order in double.</summary>
    private static float[] Aggregate(IReadOnlyList<ClientUpdate> updates, double[] trust, RoundContext context)
    {
        var global = context.Global.Span;
        var bases = updates.Select(u => context.UpdateBase(u.ClientId)).ToArray();
        var result = new float[global.Length];
        context.Layout.CheckLength(result.Length);
        Parallel.For(0, (result.Length + 4095) / 4096, b =>
        {
            var g = context.Global.Span;
            int start = b * 4096, end = Math.Min(result.Length, start + 4096);
            for (int j = start; j < end; j++)
            {
                double s = g[j];
                for (int i = 0; i < updates.Count; i++)
                {
                    s += trust[i] * (updates[i].Weights[j] - (double)bases[i].Span[j]);
                }

                result[j] = (float)s;
            }
        });
        return result;
    }
}
