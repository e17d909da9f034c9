using FedSec.Defenses.SignGuard;

namespace FedSec.Core.Tests.Defenses.SignGuard;

public class SignFeaturesTests
{
    [Fact]
    public void Compute_FourCoordinates_FractionsOverColumnMaximum()
    {
        var deltas = new[] { new float[] { 1, 2, -1, 0 }, new float[] { -1, -1, -1, 1 } };
        var f = SignFeatures.Compute(deltas, new[] { 0, 1, 2, 3 });
        // Raw (pos, zero, neg): (0.5, 0.25, 0.25) and (0.25, 0, 0.75); divided by the column maxima (0.5, 0.25, 0.75).
        Assert.Equal(1, f[0][0], 6);
        Assert.Equal(1, f[0][1], 6);
        Assert.Equal(1.0 / 3, f[0][2], 6);
        Assert.Equal(0.5, f[1][0], 6);
        Assert.Equal(0, f[1][1], 6);
        Assert.Equal(1, f[1][2], 6);
    }
}
