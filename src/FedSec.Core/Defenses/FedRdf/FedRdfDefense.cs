using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.FedRdf;

/// <summary>
/// FedRDF (Mármol Campos, González Vidal, Hernández Ramos and Skarmeta, "FedRDF: A robust and dynamic aggregation
/// function against poisoning attacks in federated learning", IEEE TETC 2025, arXiv 2402.10082), as the authors'
/// published Flower strategy computes it (the paper's text of its Eq. 11 was not available to check against):
/// <list type="number">
/// <item>the dynamic switch: for every trainable coordinate, a random 30 % of the n client values (⌊0.3n⌋) is tested
/// against the other 70 % with the two-sample Kolmogorov–Smirnov test at α = 0.05 (the authors standardise and sort
/// the values first, which does not change the test); the share of rejecting coordinates is averaged per layer
/// (tensor), then over layers; below <see cref="FedRdfOptions.Threshold"/> the round takes FedAvg (weighted by
/// <see cref="ClientUpdate.AggregationWeight"/>), else the Fourier selection. Threshold 0 always selects;</item>
/// <item>the Fourier selection (<see cref="FourierSelection"/>): per coordinate, the sorted value at the index of the
/// largest DFT sample frequency, which is the ⌊n/2⌋-th smallest value. Buffers take the weighted mean.</item>
/// </list>
/// The authors' code draws one random split per coordinate (its loop of 1 000 draws returns after the first), and so
/// does this. Each round writes <c>fedrdf_ks_share</c> and <c>fedrdf_fourier</c> (1 when it selected) to its metrics.
/// </summary>
internal sealed class FedRdfDefense : IOnAggregationDefense
{
    /// <summary>The significance level of the authors' test.</summary>
    public const double Alpha = 0.05;

    /// <summary>The share of the values the test draws as its second sample.</summary>
    public const double SplitShare = 0.3;

    public FedRdfDefense(FedRdfOptions options) => Options = options;

    /// <summary>The options.</summary>
    public FedRdfOptions Options { get; }

    public AggregationOutcome DefendOnAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        bool select = Options.Threshold <= 0;
        if (!select)
        {
            double share = RejectingShare(updates, context.Layout, context.Random("fedrdf-ks"));
            context.Metrics["fedrdf_ks_share"] = share;
            select = share >= Options.Threshold;
        }

        context.Metrics["fedrdf_fourier"] = select ? 1 : 0;
        if (!select)
        {
            return AggregationOutcome.Of(WeightedMean.Of(updates));
        }

        var trainable = TrainableView.Of(updates, context.Layout);
        var chosen = SortedColumns.Reduce(trainable, new OrderStatisticReducer(FourierSelection.HighestFrequencyIndex));
        return AggregationOutcome.Of(TrainableView.Compose(chosen, updates, context.Layout));
    }

    /// <summary>
    /// The mean over trainable tensors of the share of their coordinates whose test rejects; 0 when n is too small for a
    /// split (⌊0.3n⌋ = 0) or when no split of these sizes can reach p &lt; α.
    /// </summary>
    internal static double RejectingShare(IReadOnlyList<ClientUpdate> updates, ParameterLayout layout, Random random)
    {
        int n = updates.Count;
        int drawn = (int)(n * SplitShare);
        int rest = n - drawn;
        if (drawn < 1 || rest < 1)
        {
            return 0;
        }

        int critical = TwoSampleKolmogorovSmirnov.CriticalCount(rest, drawn, Alpha);
        var order = new int[n];
        var first = new double[rest];
        var second = new double[drawn];
        double sum = 0;
        int layers = 0;
        foreach (var entry in layout.Entries)
        {
            if (entry.Kind == ParameterKind.Buffer || entry.Length == 0)
            {
                continue;
            }

            int rejected = 0;
            for (int c = entry.Offset; c < entry.Offset + entry.Length; c++)
            {
                for (int i = 0; i < n; i++)
                {
                    order[i] = i;
                }

                // The first `drawn` places of a partial Fisher–Yates shuffle are a uniform random subset.
                for (int i = 0; i < drawn; i++)
                {
                    int k = random.Next(i, n);
                    (order[i], order[k]) = (order[k], order[i]);
                }

                for (int i = 0; i < drawn; i++)
                {
                    second[i] = updates[order[i]].Weights[c];
                }

                for (int i = drawn; i < n; i++)
                {
                    first[i - drawn] = updates[order[i]].Weights[c];
                }

                if (critical != int.MaxValue && TwoSampleKolmogorovSmirnov.ScaledStatistic(first, second) >= critical)
                {
                    rejected++;
                }
            }

            sum += rejected / (double)entry.Length;
            layers++;
        }

        return layers == 0 ? 0 : sum / layers;
    }
}
