using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class HdbscanTests
{
    private static double[,] LineDistances(params double[] x)
    {
        var d = new double[x.Length, x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                d[i, j] = Math.Abs(x[i] - x[j]);
            }
        }

        return d;
    }

    [Fact]
    public void Cluster_TwoSeparatedGroups_FindsBoth()
    {
        // The root splits at distance 8 into two groups of 3 ≥ min size; each is more stable than the root.
        var labels = Hdbscan.Cluster(LineDistances(0, 1, 2, 10, 11, 12), minClusterSize: 3);
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1 }, labels);
    }

    [Fact]
    public void Cluster_OneGroupAndFarPoint_SingleClusterOnlyWhenAllowed()
    {
        // {0,1,2,3} never splits into two groups of ≥ 3: the root is the only cluster; 100 falls out at λ = 1/97.
        var d = LineDistances(0, 1, 2, 3, 100);
        Assert.All(Hdbscan.Cluster(d, 3, allowSingleCluster: false), l => Assert.Equal(Hdbscan.Noise, l));
        Assert.Equal(new[] { 0, 0, 0, 0, Hdbscan.Noise }, Hdbscan.Cluster(d, 3, allowSingleCluster: true));
    }

    [Fact]
    public void Cluster_SingleClusterAllowed_LabelsOnlyPointsThatLeaveLast()
    {
        // 3.5 leaves the root at λ = 1/1.5 while {0,1,2} dissolves together at λ = 1: as in the reference library,
        // only the points leaving at the largest λ are labelled, so 3.5 is noise although it is not far away.
        Assert.Equal(new[] { 0, 0, 0, Hdbscan.Noise }, Hdbscan.Cluster(LineDistances(0, 1, 2, 3.5), 3, allowSingleCluster: true));
    }

    [Fact]
    public void Cluster_PermutedPoints_SameGroups()
    {
        var x = new[] { 0.0, 0.4, 1.1, 9.0, 9.7, 10.1, 30 };
        var perm = new[] { 4, 6, 0, 2, 5, 1, 3 };
        var a = Hdbscan.Cluster(LineDistances(x), 3);
        var b = Hdbscan.Cluster(LineDistances(perm.Select(p => x[p]).ToArray()), 3);
        for (int i = 0; i < perm.Length; i++)
        {
            for (int j = 0; j < perm.Length; j++)
            {
                Assert.Equal(a[perm[i]] == a[perm[j]], b[i] == b[j]);
            }

            Assert.Equal(a[perm[i]] == Hdbscan.Noise, b[i] == Hdbscan.Noise);
        }
    }

    [Fact]
    public void MutualReachability_MinSamplesTwo_UsesSecondNearestNeighbour()
    {
        // Points 0, 1, 3: second-nearest distances are 3, 2, 3.
        var r = Hdbscan.MutualReachability(LineDistances(0, 1, 3), minSamples: 2);
        Assert.Equal(3, r[0, 1]);
        Assert.Equal(3, r[1, 2]);
        Assert.Equal(3, r[0, 2]);
        Assert.Equal(0, r[1, 1]);
    }

    [Fact]
    public void MutualReachability_MinSamplesOne_EqualsDistances()
    {
        var d = LineDistances(0, 1, 3, 7);
        var r = Hdbscan.MutualReachability(d, minSamples: 1);
        Assert.Equal(d, r);
    }
}
