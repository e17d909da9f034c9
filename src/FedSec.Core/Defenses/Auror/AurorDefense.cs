using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Auror;

/// <summary>
/// Auror (Shen, Tople and Saxena, "Auror: Defending against poisoning attacks in collaborative deep learning
/// systems", ACSAC 2016). Per examined coordinate j of the updates Δᵢ = wᵢ − G, the clients' values are split by
/// 2-means (exact in one dimension: the best split of the sorted values); j is an indicative feature when the two
/// centres are more than α apart. In each indicative feature the smaller of the two clusters is suspicious (neither
/// when they are the same size); a client suspicious in more than a τ fraction of the indicative features is removed.
/// No indicative feature: everyone is kept. The verdict's score is the client's suspicious fraction. The paper finds
/// the indicative features in the first rounds of training and keeps them; FedSec finds them anew every round, so a
/// run needs no warm-up state (and the defense has none).
/// </summary>
internal sealed class AurorDefense(AurorOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        if (n < 3)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var deltas = TrainableDeltas.Of(updates, context);
        var (from, to) = Examined(context.Layout, options.Feature);
        var (suspicious, indicative) = Count(deltas.Deltas, from, to, options.Threshold);
        var fractions = Enumerable.Range(0, n).Select(i => indicative == 0 ? 0 : suspicious[i] / (double)indicative).ToArray();

        // With τ < 0.5 every client can be in some minority often enough: a verdict against everyone removes no one
        // (an empty round would stop the run).
        bool removesAll = indicative > 0 && fractions.All(f => f > options.Tau);
        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            double fraction = fractions[i];
            if (indicative > 0 && fraction > options.Tau && !removesAll)
            {
                verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Removed, 0, fraction);
                continue;
            }

            kept.Add(updates[i]);
            verdicts[i] = new ClientVerdict(updates[i].ClientId, VerdictKind.Kept, 1, fraction);
        }

        return new DefenseOutcome(kept, verdicts);
    }

    /// <summary>
    /// For coordinates [<paramref name="from"/>, <paramref name="to"/>) of the packed deltas: how many indicative
    /// features each client is suspicious in, and how many indicative features there are.
    /// </summary>
    internal static (int[] Suspicious, int Indicative) Count(IReadOnlyList<float[]> deltas, int from, int to, double threshold)
    {
        int n = deltas.Count;
        var suspicious = new int[n];
        int indicative = 0;
        var order = new int[n];
        var values = new double[n];
        for (int j = from; j < to; j++)
        {
            for (int i = 0; i < n; i++)
            {
                values[i] = deltas[i][j];
                order[i] = i;
            }

            Array.Sort(values, order);
            var (split, distance) = TwoMeans(values);
            if (!(distance > threshold))
            {
                continue;
            }

            indicative++;
            int lower = split, upper = n - split;
            if (lower == upper)
            {
                continue;
            }

            int start = lower < upper ? 0 : split, end = lower < upper ? split : n;
            for (int p = start; p < end; p++)
            {
                suspicious[order[p]]++;
            }
        }

        return (suspicious, indicative);
    }

    /// <summary>
    /// The optimal 2-means split of sorted values: the first s (1 ≤ s &lt; n) minimising the within-cluster sum of
    /// squares of [0, s) and [s, n), and the distance between the two means.
    /// </summary>
    internal static (int Split, double Distance) TwoMeans(IReadOnlyList<double> sorted)
    {
        int n = sorted.Count;
        double total = 0, totalSq = 0;
        for (int i = 0; i < n; i++)
        {
            total += sorted[i];
            totalSq += sorted[i] * sorted[i];
        }

        double left = 0, leftSq = 0, best = double.PositiveInfinity;
        int bestSplit = 1;
        double bestDistance = 0;
        for (int s = 1; s < n; s++)
        {
            left += sorted[s - 1];
            leftSq += sorted[s - 1] * sorted[s - 1];
            double right = total - left, rightSq = totalSq - leftSq;
            double sse = (leftSq - (left * left / s)) + (rightSq - (right * right / (n - s)));
            if (sse < best - 1e-15)
            {
                best = sse;
                bestSplit = s;
                bestDistance = (right / (n - s)) - (left / s);
            }
        }

        return (bestSplit, bestDistance);
    }

    /// <summary>The examined range of the packed trainable vector.</summary>
    internal static (int From, int To) Examined(ParameterLayout layout, AurorFeature feature)
    {
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        int total = trainable.Sum(e => e.Length);
        if (feature == AurorFeature.All || trainable.Length == 0)
        {
            return (0, total);
        }

        int last = Array.FindLastIndex(trainable, e => e.Shape.Count >= 2);
        if (last < 0)
        {
            last = trainable.Length - 1;
        }

        int from = trainable.Take(last).Sum(e => e.Length);
        int to = from + trainable[last].Length;
        if (last + 1 < trainable.Length && trainable[last + 1].Shape.Count == 1)
        {
            to += trainable[last + 1].Length;
        }

        return (from, to);
    }
}
