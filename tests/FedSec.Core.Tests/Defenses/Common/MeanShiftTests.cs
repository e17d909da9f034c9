using FedSec.Defenses.Common;

namespace FedSec.Core.Tests.Defenses.Common;

public class MeanShiftTests
{
    private static double[][] Points(params double[] x) => x.Select(v => new[] { v }).ToArray();

    [Fact]
    public void Cluster_TwoGroups_StrongerModeFirst()
    {
        var labels = MeanShift.Cluster(Points(5, 0, 0.1, 5.1, 0.2), bandwidth: 1);
        Assert.Equal(new[] { 1, 0, 0, 1, 0 }, labels);
    }

    [Fact]
    public void Cluster_LonePoint_GetsItsOwnMode()
    {
        Assert.Equal(new[] { 0, 0, 0, 1 }, MeanShift.Cluster(Points(0, 0.1, 0.2, 5), bandwidth: 1));
    }

    [Fact]
    public void Cluster_ZeroBandwidth_GroupsIdenticalPoints()
    {
        Assert.Equal(new[] { 0, 0, 1 }, MeanShift.Cluster(Points(2, 2, 3), bandwidth: 0));
    }

    [Fact]
    public void EstimateBandwidth_Quantiles_MeanDistanceToKthNeighbourCountingSelf()
    {
        var p = Points(0, 1, 3);
        Assert.Equal(0, MeanShift.EstimateBandwidth(p, 0.5)); // k = 1: the point itself.
        Assert.Equal((1 + 1 + 2) / 3.0, MeanShift.EstimateBandwidth(p, 0.7), 12); // k = 2: nearest other point.
        Assert.Equal((3 + 2 + 3) / 3.0, MeanShift.EstimateBandwidth(p, 1.0), 12);
        Assert.Equal((1 + 1 + 2) / 3.0, MeanShift.EstimateBandwidth(p, 0.5, minNeighbours: 2), 12); // k raised to 2.
    }
}
