using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.Arc;

/// <summary>
/// Adaptive robust clipping, ARC (Allouah, Guerraoui, Gupta, Jellouli, Rizk and Stephan, "Boosting robustness by
/// clipping gradients in distributed learning", 2024): with k = ⌊2(f/n)(n − f)⌋, every update is clipped to C, the
/// (k + 1)-th largest norm over the trainable parameters, so the k largest updates come down to the norm of the
/// next one and the others are unchanged (the paper's off-by-one: the threshold is the first norm not clipped).
/// Permutation invariant. Any aggregation may follow.
/// </summary>
internal sealed class ArcDefense(ArcOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        int k = options.ClippedCount(n);
        if (k == 0)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        var deltas = TrainableDeltas.Of(updates, context);
        var norms = VectorNorms.L2(deltas.Deltas);
        double clip = ClipLevel(norms, k);
        var result = new ClientUpdate[n];
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            bool clipped = norms[i] > clip;
            result[i] = clipped ? deltas.Scaled(u, i, clip / norms[i]) : u;
            verdicts[i] = new ClientVerdict(u.ClientId, clipped ? VerdictKind.Modified : VerdictKind.Kept, 1, norms[i]);
        }

        return new DefenseOutcome(result, verdicts);
    }

    /// <summary>The (k + 1)-th largest of the norms: the level the k largest are clipped to.</summary>
    public static double ClipLevel(IReadOnlyList<double> norms, int k)
    {
        var sorted = norms.OrderByDescending(v => v).ToArray();
        return sorted[Math.Min(k, sorted.Length - 1)];
    }
}
