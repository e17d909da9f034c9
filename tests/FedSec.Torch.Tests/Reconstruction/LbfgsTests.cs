using FedSec.Torch.Reconstruction;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Reconstruction;

public class LbfgsTests
{
    private static readonly double[] Centre = [1.5, -0.5, 2.0, 0.25, -1.0];

    [Fact]
    public void Step_NoLineSearch_FollowsLibtorchsLbfgsIterateByIterate()
    {
        // libtorch's own L-BFGS (the C++ port of torch.optim.LBFGS, without line search) on the same smooth
        // non-quadratic objective from the same start: the iterates agree to rounding after every step.
        var start = new[] { 0.3, 0.1, -0.2, 0.5, 0.0 };
        var ours = (double[])start.Clone();
        var lbfgs = new Lbfgs { LearningRate = 1, MaxIter = 4, MaxEval = 5, ToleranceGrad = 1e-7, ToleranceChange = 1e-9, HistorySize = 3 };
        using var scope = NewDisposeScope();
        var x = new TorchSharp.Modules.Parameter(tensor(start));
        var theirs = optim.LBFGS([x], 1, 4, 5, 1e-7, 1e-9, 3);
        for (int step = 0; step < 6; step++)
        {
            lbfgs.Step(ours, Objective);
            theirs.step(() =>
            {
                theirs.zero_grad();
                var loss = TorchObjective(x);
                loss.backward();
                return loss;
            });

            var expected = x.data<double>().ToArray();
            for (int i = 0; i < ours.Length; i++)
            {
                Assert.Equal(expected[i], ours[i], 1e-10);
            }
        }
    }

    [Fact]
    public void Step_StrongWolfeOnRosenbrock_ReachesTheMinimumAtOneOne()
    {
        // f(a, b) = (1 − a)² + 100 (b − a²)², from (−1.2, 1): the classic curved valley.
        static double Rosenbrock(double[] p, double[] g)
        {
            double a = p[0], b = p[1];
            g[0] = (-2 * (1 - a)) - (400 * a * (b - (a * a)));
            g[1] = 200 * (b - (a * a));
            return ((1 - a) * (1 - a)) + (100 * (b - (a * a)) * (b - (a * a)));
        }

        var point = new[] { -1.2, 1.0 };
        // Tolerances below the default 1e-9 loss change, which stops it near f ≈ 1e-10, about 2e-5 from the minimum.
        var lbfgs = new Lbfgs { LineSearch = LbfgsLineSearch.StrongWolfe, ToleranceChange = 1e-16, ToleranceGrad = 1e-12 };
        for (int step = 0; step < 20; step++)
        {
            lbfgs.Step(point, Rosenbrock);
        }

        Assert.Equal(1, point[0], 1e-6);
        Assert.Equal(1, point[1], 1e-6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step_TenStepsOnASmoothObjective_LowerTheLoss(bool strongWolfe)
    {
        var point = new[] { 0.3, 0.1, -0.2, 0.5, 0.0 };
        var lbfgs = new Lbfgs { LineSearch = strongWolfe ? LbfgsLineSearch.StrongWolfe : LbfgsLineSearch.None };
        double first = lbfgs.Step(point, Objective);
        double last = first;
        for (int step = 0; step < 10; step++)
        {
            last = lbfgs.Step(point, Objective);
        }

        Assert.True(last < first, $"{first} → {last}");
    }

    // Σ (xᵢ − cᵢ)² + 0.1 Σ xᵢ⁴ + 0.05 (Σ xᵢ)².
    private static double Objective(double[] x, double[] g)
    {
        double sum = x.Sum();
        double f = 0.05 * sum * sum;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - Centre[i];
            f += (d * d) + (0.1 * Math.Pow(x[i], 4));
            g[i] = (2 * d) + (0.4 * Math.Pow(x[i], 3)) + (0.1 * sum);
        }

        return f;
    }

    private static Tensor TorchObjective(Tensor x)
    {
        var c = tensor(Centre);
        return (x - c).square().sum() + (0.1 * x.pow(4).sum()) + (0.05 * x.sum().square());
    }
}
