using FedSec.Defenses.Common;
using FedSec.Randomness;

namespace FedSec.Core.Tests.Defenses.Common;

public class KMeansTests
{
    [Fact]
    public void Cluster_TwoSquares_SplitsThemWithHandComputedInertia()
    {
        // Corners of two unit squares 10 apart: each corner is √0.5 from its square's centre, inertia 8 × 0.5 = 4.
        var points = new[]
        {
            new double[] { 0, 0 }, new double[] { 1, 0 }, new double[] { 0, 1 }, new double[] { 1, 1 },
            new double[] { 10, 0 }, new double[] { 11, 0 }, new double[] { 10, 1 }, new double[] { 11, 1 },
        };
        var (labels, inertia) = KMeans.Cluster(points, 2, new SeedStreams(1).Random("kmeans"));
        Assert.Equal(4.0, inertia, 9);
        Assert.Single(labels.Take(4).Distinct());
        Assert.Single(labels.Skip(4).Distinct());
        Assert.NotEqual(labels[0], labels[4]);
    }

    [Fact]
    public void Cluster_OneCluster_InertiaAroundTheMean()
    {
        var points = new[] { new double[] { 0, 0 }, new double[] { 2, 0 }, new double[] { 0, 2 }, new double[] { 2, 2 } };
        Assert.Equal(8.0, KMeans.Cluster(points, 1, new Random(0)).Inertia, 9);
    }

    [Fact]
    public void Cluster_SameSeed_SameLabels()
    {
        var rng = new Random(3);
        var points = Enumerable.Range(0, 20).Select(_ => new[] { rng.NextDouble(), rng.NextDouble() }).ToArray();
        Assert.Equal(
            KMeans.Cluster(points, 3, new SeedStreams(5).Random("k")).Labels,
            KMeans.Cluster(points, 3, new SeedStreams(5).Random("k")).Labels);
    }
}
