using FedSec.Core.Tests.Defenses.Common;
using FedSec.Defenses.Arc;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Arc;

public class ArcDefenseTests
{
    // Deltas with norms 1, 2, 3, 4 and 10 (the last is (6, 8)).
    private static readonly float[][] Deltas =
    {
        new float[] { 1, 0 }, new float[] { 0, 2 }, new float[] { 3, 0 }, new float[] { 0, -4 }, new float[] { 6, 8 },
    };

    private static DefenseOutcome Run(int f, float[][]? deltas = null, int[]? order = null)
    {
        var global = new float[] { 1, 1 };
        var updates = DefenseTestData.FromDeltas(global, deltas ?? Deltas);
        var input = order is null ? updates : order.Select(i => updates[i]).ToArray();
        return new ArcDefense(new ArcOptions { ByzantineClientNum = f }).DefendBeforeAggregation(input, DefenseTestData.Context(global, Enumerable.Range(0, 5)));
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }
    }

    [Fact]
    public void DefendBeforeAggregation_FOne_ClipsLargestToSecondLargestNorm()
    {
        // k = ⌊2·(1/5)·4⌋ = 1: the largest (10) is clipped to the second largest norm, 4; (6, 8) → (2.4, 3.2).
        var outcome = Run(f: 1);
        AssertClose(new[] { 1 + 2.4, 1 + 3.2 }, outcome.Updates[4].Weights);
        Assert.Equal(VerdictKind.Modified, outcome.Verdicts[4].Kind);
        Assert.All(outcome.Verdicts.Take(4), v => Assert.Equal(VerdictKind.Kept, v.Kind));
    }

    [Fact]
    public void DefendBeforeAggregation_FTwo_ClipsTwoLargestToThirdLargestNorm()
    {
        // k = ⌊2·(2/5)·3⌋ = 2: clip level 3; (0, −4) → (0, −3), (6, 8) → (1.8, 2.4).
        var outcome = Run(f: 2);
        AssertClose(new[] { 1.0, 1 - 3.0 }, outcome.Updates[3].Weights);
        AssertClose(new[] { 1 + 1.8, 1 + 2.4 }, outcome.Updates[4].Weights);
        Assert.Equal(2, outcome.Verdicts.Count(v => v.Kind == VerdictKind.Modified));
    }

    [Fact]
    public void ClipLevel_HandCase_IsKPlusFirstLargestNorm()
    {
        Assert.Equal(4, ArcDefense.ClipLevel(new double[] { 1, 10, 3, 4, 2 }, 1));
        Assert.Equal(10, ArcDefense.ClipLevel(new double[] { 1, 10, 3, 4, 2 }, 0));
    }

    [Fact]
    public void ClippedCount_Formula_FloorOfTwoFOverNTimesNMinusF()
    {
        Assert.Equal(1, new ArcOptions { ByzantineClientNum = 1 }.ClippedCount(10)); // 2·0.1·9 = 1.8
        Assert.Equal(4, new ArcOptions { ByzantineClientNum = 3 }.ClippedCount(10)); // 2·0.3·7 = 4.2
        Assert.Equal(0, new ArcOptions { ByzantineClientNum = 0 }.ClippedCount(10));
    }

    [Fact]
    public void DefendBeforeAggregation_PermutedInput_SameResultPerClient()
    {
        var a = Run(f: 2).Updates.ToDictionary(u => u.ClientId, u => u.Weights);
        var b = Run(f: 2, order: new[] { 4, 2, 0, 3, 1 }).Updates;
        Assert.All(b, u => Assert.Equal(a[u.ClientId], u.Weights));
    }
}
