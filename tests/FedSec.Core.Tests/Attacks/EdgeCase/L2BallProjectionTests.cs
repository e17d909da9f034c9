using FedSec.Attacks.EdgeCase;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.EdgeCase;

public class L2BallProjectionTests
{
    [Fact]
    public void Project_OutsideTheBall_LandsOnItsSurfaceInTheSameDirection()
    {
        // X − G = (3, 4, 0), norm 5; ε = 1 gives G + (0.6, 0.8, 0).
        var global = new[] { 1f, -1f, 2f };
        var weights = new[] { 4f, 3f, 2f };

        double before = L2BallProjection.Project(weights, global, Fixtures.FlatLayout(3), 1.0);

        Assert.Equal(5, before, 1e-6);
        Assert.Equal(1.6f, weights[0], 1e-6f);
        Assert.Equal(-0.2f, weights[1], 1e-6f);
        Assert.Equal(2f, weights[2]);
    }

    [Fact]
    public void Project_InsideTheBall_LeavesTheModel()
    {
        var global = new[] { 1f, -1f, 2f };
        var weights = new[] { 1.5f, -1f, 2f };

        L2BallProjection.Project(weights, global, Fixtures.FlatLayout(3), 1.0);

        Assert.Equal(new[] { 1.5f, -1f, 2f }, weights);
    }

    [Fact]
    public void Project_Buffers_NeitherCountedNorMoved()
    {
        // Trainable part X − G = (0.6, 0.8): norm 1, inside ε = 1 although the buffer is 100 away.
        var layout = AttackFixtures.LayoutWithBuffers(2, 1);
        var global = new[] { 0f, 0f, 0f };
        var weights = new[] { 0.6f, 0.8f, 100f };

        L2BallProjection.Project(weights, global, layout, 1.0);
        Assert.Equal(new[] { 0.6f, 0.8f, 100f }, weights);

        var far = new[] { 6f, 8f, 100f };
        L2BallProjection.Project(far, global, layout, 1.0);
        Assert.Equal(0.6f, far[0], 1e-6f);
        Assert.Equal(0.8f, far[1], 1e-6f);
        Assert.Equal(100f, far[2]);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.5)]
    [InlineData(3)]
    public void Project_RandomModels_AlwaysWithinEpsilonOfTheGlobal(double epsilon)
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var global = Enumerable.Range(0, 50).Select(_ => (float)rng.NextDouble()).ToArray();
            var weights = global.Select(g => g + (float)(rng.NextDouble() - 0.5) * (trial % 5)).ToArray();

            L2BallProjection.Project(weights, global, Fixtures.FlatLayout(50), epsilon);

            double norm = Math.Sqrt(weights.Zip(global, (w, g) => (double)(w - g) * (w - g)).Sum());
            Assert.True(norm <= epsilon * (1 + 1e-5), $"‖X − G‖ = {norm} > ε = {epsilon}");
        }
    }

    [Fact]
    public void Project_NonPositiveRadius_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => L2BallProjection.Project(new float[2], new float[2], Fixtures.FlatLayout(2), 0));
    }
}
