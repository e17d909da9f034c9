using FedSec.Defenses.Arc;
using FedSec.Defenses.Bucketing;
using FedSec.Defenses.Dnc;
using FedSec.Defenses.Flame;
using FedSec.Defenses.Nnm;
using FedSec.Defenses.SignGuard;
using FedSec.Defenses.ThreeSigma;
using FedSec.Core.Tests.TestSupport;
using FedSec.Components;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Common;

/// <summary>
/// The defenses that work on <c>TrainableDeltas</c> rent their deltas and rebuilt updates from the round's buffers. Over
/// rounds in which the engine recycles those buffers (and the next round scribbles over them), every output must equal
/// what the same defense gives with fresh arrays.
/// </summary>
public class RoundBuffersReuseTests
{
    public static TheoryData<string> Defenses() => new() { "arc", "nnm", "signguard", "flame", "dnc", "3sigma", "bucketing" };

    private static ComponentDescriptor Descriptor(string name) => name switch
    {
        "arc" => ArcRegistration.Descriptor,
        "nnm" => NnmRegistration.Descriptor,
        "signguard" => SignGuardRegistration.Descriptor,
        "flame" => FlameRegistration.Descriptor,
        "dnc" => DncRegistration.Descriptor,
        "3sigma" => ThreeSigmaRegistration.Descriptor,
        "bucketing" => BucketingRegistration.Descriptor,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Defenses))]
    public void DefendBeforeAggregation_RecycledRoundBuffers_SameUpdatesAsFreshArrays(string name)
    {
        const int n = 10, d = 257;
        var fresh = Create<IBeforeAggregationDefense>(Descriptor(name), n, ("byzantine_client_num", "2"));
        var pooled = Create<IBeforeAggregationDefense>(Descriptor(name), n, ("byzantine_client_num", "2"));
        var buffers = new RoundBuffers();
        var rng = new Random(17);
        var global = Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray();
        for (int round = 0; round < 3; round++)
        {
            // Eight honest clients near the global model, two far away.
            var updates = Enumerable.Range(0, n)
                .Select(i => Fixtures.Update(i, global.Select(g => g + (float)((rng.NextDouble() - 0.5) * (i >= 8 ? 20 : 0.2))).ToArray()))
                .ToArray();
            var expected = fresh.DefendBeforeAggregation(updates, Context(global, n, round));
            var actual = pooled.DefendBeforeAggregation(updates, Context(global, n, round, buffers: buffers));

            Assert.Equal(expected.Updates.Select(u => u.ClientId), actual.Updates.Select(u => u.ClientId));
            for (int i = 0; i < expected.Updates.Count; i++)
            {
                Assert.Equal(expected.Updates[i].Weights, actual.Updates[i].Weights);
                Assert.Equal(expected.Updates[i].AggregationWeight, actual.Updates[i].AggregationWeight);
            }

            Assert.Equal(expected.Verdicts.Select(v => (v.ClientId, v.Kind)), actual.Verdicts.Select(v => (v.ClientId, v.Kind)));
            Assert.True(buffers.RentedCount > 0, $"{name} rented nothing");

            // The end of the engine's round: every rented vector is recycled, and the next round writes over them.
            var rented = actual.Updates.Select(u => u.Weights).Where(buffers.IsRented).ToList();
            buffers.Recycle();
            foreach (var v in rented)
            {
                Array.Fill(v, float.NaN);
            }
        }
    }
}
