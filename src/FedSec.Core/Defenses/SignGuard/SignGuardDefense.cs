using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Defenses.SignGuard;

/// <summary>
/// SignGuard (Xu, Huang, Song and Lan, "Byzantine-robust federated learning through collaborative malicious gradient
/// filtering", ICDCS 2022). Two filters whose survivors are intersected: (1) the norm filter keeps updates with
/// L ≤ ‖Δᵢ‖ / median norm ≤ R; (2) sign statistics: on a random share of the trainable coordinates, each update's
/// fractions of positive, zero and negative values (each divided by its maximum over the round, as the authors'
/// code does) are clustered by mean shift (bandwidth: scikit-learn's estimate at quantile 0.5, as the authors'
/// code) and the largest cluster is kept. Kept updates are clipped to the median norm of all updates. Should the
/// intersection be empty, the norm filter's survivors are kept.
/// </summary>
internal sealed class SignGuardDefense : IBeforeAggregationDefense
{
    private const double BandwidthQuantile = 0.5;
    private readonly SignGuardOptions _options;

    public SignGuardDefense(SignGuardOptions options) => _options = options;

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var deltas = TrainableDeltas.Of(updates, context);
        var norms = VectorNorms.L2(deltas.Deltas);
        double median = ScalarMedian.Of(norms);

        // With a zero median norm there is no scale to compare with: the norm filter keeps everyone.
        var normOk = norms.Select(v => median == 0 || (v >= _options.Lower * median && v <= _options.Upper * median)).ToArray();
        var signOk = LargestSignCluster(deltas.Deltas, context);
        var keep = normOk.Zip(signOk, (a, b) => a && b).ToArray();
        if (!keep.Any(k => k))
        {
            keep = normOk;
        }

        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            double ratio = median == 0 ? 0 : norms[i] / median;
            if (!keep[i])
            {
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Removed, 0, ratio);
            }
            else if (norms[i] > median)
            {
                kept.Add(deltas.Scaled(u, i, median / norms[i]));
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Modified, 1, ratio);
            }
            else
            {
                kept.Add(u);
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Kept, 1, ratio);
            }
        }

        return new DefenseOutcome(kept, verdicts);
    }

    private bool[] LargestSignCluster(float[][] deltas, RoundContext context)
    {
        int n = deltas.Length;
        var features = SignFeatures.Compute(deltas, SampleCoordinates(deltas[0].Length, context));
        // k = ⌊n/2⌋ counts the point itself first, so for n ≤ 3 scikit-learn's k = 1 gives a bandwidth of 0: every distinct
        // point its own mode, and all but one update removed whatever they look like. FedSec takes at least the nearest
        // other point (k ≥ 2), which changes nothing from n = 4 on.
        double bandwidth = MeanShift.EstimateBandwidth(features, BandwidthQuantile, minNeighbours: 2);
        var labels = MeanShift.Cluster(features, bandwidth);
        var largest = labels.Where(l => l != MeanShift.Orphan).GroupBy(l => l)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        return largest is int c ? labels.Select(l => l == c).ToArray() : Enumerable.Repeat(true, n).ToArray();
    }

    private int[] SampleCoordinates(int d, RoundContext context)
    {
        int k = Math.Clamp((int)Math.Ceiling(_options.SampleFraction * d), 1, d);
        return k == d ? Enumerable.Range(0, d).ToArray() : context.Random("signguard").Choose(d, k);
    }
}
