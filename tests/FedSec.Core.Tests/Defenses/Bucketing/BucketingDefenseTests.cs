using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Bucketing;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Bucketing;

public class BucketingDefenseTests
{
    private static ClientUpdate[] Updates() => Enumerable.Range(0, 5)
        .Select(i => new ClientUpdate(10 + i, 1 + i, new float[] { i, 10 * i }) { AggregationWeight = 2 * (1 + i) })
        .ToArray();

    [Fact]
    public void DefendBeforeAggregation_BucketsOfTwo_AverageTheSeededPermutationsConsecutiveMembers()
    {
        var updates = Updates();
        var context = DefenseTestData.Context(new float[2], updates.Select(u => u.ClientId), round: 3, seed: 7);
        var outcome = new BucketingDefense(new BucketingOptions { BucketSize = 2 }).DefendBeforeAggregation(updates, context);

        var perm = new SeedStreams(7).Random("bucketing", 3).Permutation(5);
        var buckets = new[] { perm[..2], perm[2..4], perm[4..] };
        Assert.Equal(3, outcome.Updates.Count);
        for (int b = 0; b < 3; b++)
        {
            var members = buckets[b];
            var bucket = outcome.Updates[b];
            Assert.Equal(BucketClientId.For(b), bucket.ClientId);
            Assert.Equal(new[] { (float)members.Average(), (float)members.Average(i => 10.0 * i) }, bucket.Weights);
            Assert.Equal(members.Sum(i => 1 + i), bucket.SampleCount);
            Assert.Equal(members.Sum(i => 2.0 * (1 + i)), bucket.AggregationWeight);
            Assert.All(members, i => Assert.Equal(new ClientVerdict(10 + i, VerdictKind.Modified, 1, b), outcome.Verdicts[i]));
        }
    }

    [Fact]
    public void DefendBeforeAggregation_UpdatesListedInAnotherOrder_SameBucketsAndVerdictsPerClient()
    {
        // The permutation applies to the clients in identity order: listing the updates reversed changes nothing.
        var updates = Updates();
        var context = DefenseTestData.Context(new float[2], updates.Select(u => u.ClientId), round: 3, seed: 7);
        var defense = new BucketingDefense(new BucketingOptions { BucketSize = 2 });
        var sorted = defense.DefendBeforeAggregation(updates, context);
        var reversed = defense.DefendBeforeAggregation(updates.Reverse().ToArray(), context);

        Assert.Equal(sorted.Updates.Select(u => u.Weights), reversed.Updates.Select(u => u.Weights));
        Assert.Equal(sorted.Verdicts.OrderBy(v => v.ClientId), reversed.Verdicts.OrderBy(v => v.ClientId));
    }

    [Fact]
    public void DefendBeforeAggregation_AnySeed_EveryClientInExactlyOneBucket()
    {
        var updates = Updates();
        for (long seed = 0; seed < 20; seed++)
        {
            var outcome = new BucketingDefense(new BucketingOptions { BucketSize = 2 })
                .DefendBeforeAggregation(updates, DefenseTestData.Context(new float[2], updates.Select(u => u.ClientId), seed: seed));
            var perBucket = outcome.Verdicts.GroupBy(v => (int)v.Score!.Value).Select(g => g.Count()).Order();
            Assert.Equal(new[] { 1, 2, 2 }, perBucket);
            Assert.Equal(updates.Sum(u => u.Weights[0]), outcome.Updates.Sum(u => u.Weights[0] * outcome.Verdicts.Count(v => v.Score == BucketClientId.BucketOf(u.ClientId))), 4);
        }
    }

    [Fact]
    public void DefendBeforeAggregation_BucketSizeOne_LeavesUpdatesAlone()
    {
        var updates = Updates();
        var outcome = new BucketingDefense(new BucketingOptions { BucketSize = 1 })
            .DefendBeforeAggregation(updates, DefenseTestData.Context(new float[2], updates.Select(u => u.ClientId)));
        Assert.Equal(updates, outcome.Updates);
        Assert.All(outcome.Verdicts, v => Assert.Equal(VerdictKind.Kept, v.Kind));
    }
}
