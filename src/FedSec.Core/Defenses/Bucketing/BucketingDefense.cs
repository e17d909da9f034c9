using FedSec.Aggregation;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Defenses.Bucketing;

/// <summary>
/// Bucketing (Karimireddy, He and Jaggi, "Byzantine-robust learning on heterogeneous datasets via bucketing", ICLR
/// 2022): the round's updates, in client-identity order, are shuffled by the round's seeded stream and averaged in
/// consecutive buckets of s
/// (plain means, as in the paper; the last bucket may be smaller). The ⌈n/s⌉ bucket means replace the updates, so a
/// robust aggregation chained after it sees less heterogeneity. Bucket b carries identity
/// <see cref="BucketClientId.For"/>(b), the summed sample counts and the summed aggregation weights of its members
/// (so FedAvg after bucketing equals FedAvg when the weights are equal). Every input client's verdict is Modified,
/// with its bucket index as score.
/// </summary>
internal sealed class BucketingDefense(BucketingOptions options) : IBeforeAggregationDefense
{
    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count, s = options.BucketSize;
        if (s <= 1 || n <= 1)
        {
            return DefenseOutcome.KeepAll(updates);
        }

        // The shuffle permutes the clients in identity order, so the buckets do not depend on the order the updates
        // are listed in (a distributed server's arrival order, a preceding defense's), as cclip's and the geometric
        // median's orderings do not. In sampling order already when the sample is sorted (full participation).
        var byIdentity = Enumerable.Range(0, n).OrderBy(i => updates[i].ClientId).ToArray();
        var order = context.Random("bucketing").Permutation(n).Select(p => byIdentity[p]).ToArray();
        int buckets = (n + s - 1) / s;
        var result = new ClientUpdate[buckets];
        var verdicts = new ClientVerdict[n];
        for (int b = 0; b < buckets; b++)
        {
            var members = order.Skip(b * s).Take(s).ToArray();
            var mean = WeightedMean.Unweighted(members.Select(j => updates[j].Weights).ToArray(), context.Buffers.Rent);
            result[b] = new ClientUpdate(BucketClientId.For(b), members.Sum(j => updates[j].SampleCount), mean)
            {
                AggregationWeight = members.Sum(j => updates[j].AggregationWeight),
            };
            foreach (int j in members)
            {
                verdicts[j] = new ClientVerdict(updates[j].ClientId, VerdictKind.Modified, 1, b);
            }
        }

        return new DefenseOutcome(result, verdicts);
    }
}
