using FedSec.Defenses.Dnc;

namespace FedSec.Core.Tests.Defenses.Dnc;

public class DncScoresTests
{
    [Fact]
    public void Compute_AxisAlignedRows_ScoresAreSquaredProjectionsOnTopAxis()
    {
        // Centred already; XᵀX = diag(2, 0.5): v = ±e₁, scores ⟨xᵢ, v⟩² = 1, 1, 0, 0.
        var rows = new[] { new[] { 1.0, 0 }, new[] { -1.0, 0 }, new[] { 0, 0.5 }, new[] { 0, -0.5 } };
        var scores = DncScores.Compute(rows, new[] { 0.3, -0.2, 0.7, 0.1 });
        Assert.Equal(new[] { 1.0, 1.0, 0.0, 0.0 }, scores.Select(s => Math.Round(s, 9)));
    }

    [Fact]
    public void Compute_UncentredRows_CentresFirst()
    {
        // The same rows shifted by (5, 5) give the same scores.
        var rows = new[] { new[] { 6.0, 5 }, new[] { 4.0, 5 }, new[] { 5, 5.5 }, new[] { 5, 4.5 } };
        var scores = DncScores.Compute(rows, new[] { 0.3, -0.2, 0.7, 0.1 });
        Assert.Equal(new[] { 1.0, 1.0, 0.0, 0.0 }, scores.Select(s => Math.Round(s, 9)));
    }

    [Fact]
    public void Compute_EqualRows_AllZero()
    {
        var rows = new[] { new[] { 2.0, 1 }, new[] { 2.0, 1 }, new[] { 2.0, 1 } };
        Assert.All(DncScores.Compute(rows, new[] { 1.0, 0.5, 0.2 }), s => Assert.Equal(0, s));
    }
}
