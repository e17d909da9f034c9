using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class StrongWolfeLineSearchTests
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;

    [Fact]
    public void Search_QuadraticFromItsSlope_StepSatisfiesBothWolfeConditions()
    {
        // f(x) = (x − 3)², from 0 along +1: f(0) = 9, slope −6.
        var result = StrongWolfeLineSearch.Search([0.0], 9, [-6.0], [1.0], 1, Parabola(3));

        AssertStrongWolfe(result, 9, -6, Parabola(3));
    }

    [Fact]
    public void Search_FirstStepFarTooShort_ExtrapolatesBeyondIt()
    {
        // f(x) = (x − 100)²: a unit step leaves the slope at −198 of −200, failing the curvature condition.
        var result = StrongWolfeLineSearch.Search([0.0], 10000, [-200.0], [1.0], 1, Parabola(100));

        Assert.True(result.Step > 1, $"step {result.Step}");
        AssertStrongWolfe(result, 10000, -200, Parabola(100));
    }

    [Fact]
    public void Search_FirstStepLandsWhereTheObjectiveIsNaN_ShortensItToAFiniteStep()
    {
        // Beyond x = 5 the objective is not defined (as a network's loss after overflow).
        static double Partial(double[] x, double[] g)
        {
            if (x[0] > 5)
            {
                g[0] = double.NaN;
                return double.NaN;
            }

            g[0] = 2 * (x[0] - 2);
            return (x[0] - 2) * (x[0] - 2);
        }

        var result = StrongWolfeLineSearch.Search([0.0], 4, [-4.0], [1.0], 100, Partial);

        Assert.True(result.Step is > 0 and <= 5, $"step {result.Step}");
        AssertStrongWolfe(result, 4, -4, Partial);
    }

    [Fact]
    public void Search_OutOfEvaluationsWithoutDecrease_StaysAtTheStart()
    {
        // The only trial allowed overshoots (f rises from 1 to about 10⁶): no point found is better than the start.
        var result = StrongWolfeLineSearch.Search([0.0], 1, [-2.0], [1.0], 1000, Parabola(1), maxEvaluations: 1);

        Assert.Equal(0, result.Step);
        Assert.Equal(1, result.Value);
        Assert.Equal([-2.0], result.Gradient);
        Assert.Equal(1, result.Evaluations);
    }

    [Fact]
    public void Search_AscentDirection_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => StrongWolfeLineSearch.Search([0.0], 9, [-6.0], [-1.0], 1, Parabola(3)));
        Assert.Contains("descent", e.Message, StringComparison.Ordinal);
    }

    private static Func<double[], double[], double> Parabola(double minimum) => (x, g) =>
    {
        g[0] = 2 * (x[0] - minimum);
        return (x[0] - minimum) * (x[0] - minimum);
    };

    // Sufficient decrease f(t) ≤ f(0) + c₁·t·f'(0) and curvature |f'(t)| ≤ c₂·|f'(0)|, along d = +1 from x = 0.
    private static void AssertStrongWolfe(StrongWolfeLineSearch.Result result, double f0, double slope0, Func<double[], double[], double> f)
    {
        var g = new double[1];
        double value = f([result.Step], g);
        Assert.Equal(value, result.Value);
        Assert.Equal(g[0], result.Gradient[0]);
        Assert.True(value <= f0 + (C1 * result.Step * slope0), $"sufficient decrease fails at step {result.Step}: f = {value}");
        Assert.True(Math.Abs(g[0]) <= C2 * Math.Abs(slope0), $"curvature fails at step {result.Step}: f' = {g[0]}");
    }
}
