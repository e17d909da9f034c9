using FedSec.Privacy.Mechanisms;
using FedSec.Privacy.Tests.TestSupport;

namespace FedSec.Privacy.Tests.Mechanisms;

public class NoiseSamplerTests
{
    private static (double Mean, double Std) Moments(float[] x)
    {
        double mean = x.Average(v => (double)v);
        return (mean, Math.Sqrt(x.Average(v => ((double)v - mean) * ((double)v - mean))));
    }

    [Fact]
    public void AddGaussian_400kDraws_StdWithinOnePercentOfSigma()
    {
        var x = new float[400_000];
        NoiseSampler.AddGaussian(x, 0.3, b => new Random(17 + b));
        var (mean, std) = Moments(x);
        Assert.InRange(std, 0.3 * 0.99, 0.3 * 1.01);
        Assert.InRange(mean, -0.003, 0.003);
    }

    [Fact]
    public void AddLaplace_UniformDrawOfExactlyZero_DrawsAgainInsteadOfMinusInfinity()
    {
        // u = 0 − 0.5 gave −b·sign(u)·ln(1 − 2|u|) = ln 0 = −∞. The next draw, 0.75, gives u = 0.25: −b·ln(0.5) = b·ln 2.
        var x = new float[1];
        NoiseSampler.AddLaplace(x, 2, _ => new ScriptedRandom(0, 0.75));
        Assert.Equal((float)(-2 * Math.Log(0.5)), x[0]);
    }

    [Fact]
    public void AddLaplace_400kDraws_StdWithinOnePercentOfSqrtTwoB()
    {
        var x = new float[400_000];
        NoiseSampler.AddLaplace(x, 0.5, b => new Random(5 + b));
        Assert.InRange(Moments(x).Std, Math.Sqrt(2) * 0.5 * 0.99, Math.Sqrt(2) * 0.5 * 1.01);
    }

    [Fact]
    public void AddGaussian_SameStreams_SameNoise_OtherStreams_OtherNoise()
    {
        float[] Draw(int seed)
        {
            var x = new float[150_000];
            NoiseSampler.AddGaussian(x, 1, b => new Random(seed + b));
            return x;
        }

        Assert.Equal(Draw(3), Draw(3));
        Assert.NotEqual(Draw(3), Draw(4));
    }
}
