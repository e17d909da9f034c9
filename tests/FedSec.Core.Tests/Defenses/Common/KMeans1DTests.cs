using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class KMeans1DTests
{
    [Fact]
    public void Cluster_TwoGroups_SplitsAtTheGapWithHandComputedInertia()
    {
        // {0, 0.1} and {0.9, 1.0}: each pair is ±0.05 from its mean, inertia 4 × 0.0025 = 0.01.
        var (labels, inertia) = KMeans1D.Cluster(new[] { 0.9, 0.0, 1.0, 0.1 }, 2);
        Assert.Equal(new[] { 1, 0, 1, 0 }, labels);
        Assert.Equal(0.01, inertia, 12);
    }

    [Fact]
    public void Cluster_ThreeValues_OptimalSplitNotTheLargestGap()
    {
        // {0, 1, 3}: splitting off 3 costs 0.5, splitting off 0 costs 2; k-means picks the cheaper, {0, 1} | {3}.
        var (labels, inertia) = KMeans1D.Cluster(new[] { 3.0, 0.0, 1.0 }, 2);
        Assert.Equal(new[] { 1, 0, 0 }, labels);
        Assert.Equal(0.5, inertia, 12);
    }

    [Fact]
    public void Cluster_OneCluster_InertiaIsSumOfSquaredDeviations()
    {
        var (labels, inertia) = KMeans1D.Cluster(new[] { 1.0, 2.0, 3.0 }, 1);
        Assert.All(labels, l => Assert.Equal(0, l));
        Assert.Equal(2.0, inertia, 12);
    }

    [Fact]
    public void Cluster_KAboveCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans1D.Cluster(new[] { 1.0 }, 2));
    }
}
