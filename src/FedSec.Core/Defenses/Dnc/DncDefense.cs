using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Defenses.Dnc;

/// <summary>
/// Divide-and-Conquer (Shejwalkar and Houmansadr, "Manipulating the Byzantine: Optimizing model poisoning attacks
/// and defenses for federated learning", NDSS 2021, Algorithm 2). Each of <c>dnc_iterations</c> iterations samples
/// b coordinates of the trainable updates (from the round's seeded stream), scores every update by its squared
/// projection on the top singular direction of the centred samples (<see cref="DncScores"/>), and marks the ⌊c·f⌋
/// highest scores (ties: lower index first); an update is kept only when no iteration marked it.
/// </summary>
internal sealed class DncDefense(DncOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        int remove = options.RemovedPerIteration(n);
        if (remove == 0)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var deltas = TrainableDeltas.Of(updates, context).Deltas;
        int d = deltas[0].Length;
        var rng = context.Random("dnc");
        var good = Enumerable.Repeat(true, n).ToArray();
        var scoreSum = new double[n];
        for (int it = 0; it < options.Iterations; it++)
        {
            int[]? coordinates = options.SubsampleDim >= d ? null : rng.Choose(d, options.SubsampleDim);
            var sampled = deltas.Select(x => Sample(x, coordinates)).ToArray();
            var start = Enumerable.Range(0, n).Select(_ => rng.NextGaussian()).ToArray();
            var scores = DncScores.Compute(sampled, start);
            foreach (int i in Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(remove))
            {
                good[i] = false;
            }

            for (int i = 0; i < n; i++)
            {
                scoreSum[i] += scores[i];
            }
        }

        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            double score = scoreSum[i] / options.Iterations;
            if (good[i])
            {
                kept.Add(updates[i]);
            }

            verdicts[i] = new ClientVerdict(updates[i].ClientId, good[i] ? VerdictKind.Kept : VerdictKind.Removed, good[i] ? 1 : 0, score);
        }

        return new DefenseOutcome(kept, verdicts);
    }

    private static double[] Sample(float[] delta, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return delta.Select(v => (double)v).ToArray();
        }

        var s = new double[coordinates.Length];
        for (int t = 0; t < s.Length; t++)
        {
            s[t] = delta[coordinates[t]];
        }

        return s;
    }
}
