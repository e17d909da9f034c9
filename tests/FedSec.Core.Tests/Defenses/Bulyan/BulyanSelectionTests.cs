using FedSec.Aggregation;
using FedSec.Defenses.Bulyan;

namespace FedSec.Core.Tests.Defenses.Bulyan;

public class BulyanSelectionTests
{
    [Fact]
    public void Select_OneDimension_PicksByIteratedKrumWithTiesToSmallerTotalDistance()
    {
        // Points 0, 1, 3, 10, 30, f = 1, θ = 3.
        // Step 1 (5 left, 2 neighbours): 0: 1+9 = 10, 1: 1+4 = 5, 3: 4+9 = 13, 10: 49+81 = 130, 30: 400+729 → pick 1.
        // Step 2 (0, 3, 10, 30; 1 neighbour): 0: 9, 3: 9, 10: 49, 30: 400; tie → totals 0: 1009, 3: 787 → pick 3.
        // Step 3 (0, 10, 30; 1 neighbour): 0: 100, 10: 100, 30: 400; tie → totals 0: 1000, 10: 500 → pick 10.
        double[] v = { 0, 1, 3, 10, 30 };
        var d = new double[5, 5];
        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                d[i, j] = (v[i] - v[j]) * (v[i] - v[j]);
            }
        }

        var selected = BulyanSelection.Select(d, 1, 3, out var scores);
        Assert.Equal(new[] { 1, 2, 3 }, selected);
        Assert.Equal(new double[] { 10, 5, 13, 130, 1129 }, scores);
    }

    [Fact]
    public void Select_ThetaEqualsN_SelectsEveryone()
    {
        var points = new[] { 0f, 5f, 1f }.Select(v => new[] { v }).ToArray();
        var selected = BulyanSelection.Select(PairwiseDistances.Squared(points), 0, 3, out _);
        Assert.Equal(new[] { 0, 1, 2 }, selected.Order());
    }
}
