using FedSec.Attacks.Mimic;

namespace FedSec.Core.Tests.Attacks.Mimic;

public class SymmetricEigenTests
{
    [Fact]
    public void Top_TwoByTwo_EigenvalueThreeAlongDiagonal()
    {
        var (v, value) = SymmetricEigen.Top(new double[,] { { 2, 1 }, { 1, 2 } });
        Assert.Equal(3.0, value, 1e-12);
        Assert.Equal(Math.Sqrt(0.5), v[0], 1e-12);
        Assert.Equal(Math.Sqrt(0.5), v[1], 1e-12);
    }

    [Fact]
    public void Top_ThreeByThreeRotated_RecoversLargestAxis()
    {
        // Q·diag(1, 5, 2)·Qᵀ with Q a rotation by 30° in the (0, 1) plane: top eigenvector Q's column 1 = (−sin, cos, 0).
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var m = new double[,]
        {
            { (c * c * 1) + (s * s * 5), (c * s * 1) - (s * c * 5), 0 },
            { (c * s * 1) - (s * c * 5), (s * s * 1) + (c * c * 5), 0 },
            { 0, 0, 2 },
        };
        var (v, value) = SymmetricEigen.Top(m);
        Assert.Equal(5.0, value, 1e-10);
        Assert.Equal(-s, v[0], 1e-10);
        Assert.Equal(c, v[1], 1e-10);
        Assert.Equal(0.0, v[2], 1e-10);
    }

    [Fact]
    public void Top_RankOneMatrix_LargestComponentIsPositive()
    {
        // uuᵀ with u = (1, −2, 0): top eigenvector ±u/√5; the sign makes the largest component, −2, positive.
        var m = new double[,] { { 1, -2, 0 }, { -2, 4, 0 }, { 0, 0, 0 } };
        var (v, value) = SymmetricEigen.Top(m);
        Assert.Equal(5.0, value, 1e-12);
        Assert.Equal(-1 / Math.Sqrt(5), v[0], 1e-12);
        Assert.Equal(2 / Math.Sqrt(5), v[1], 1e-12);
    }
}
