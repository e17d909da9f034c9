using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class RotaryEmbeddingTests
{
    [Fact]
    public void Apply_TwoRotaryDimensions_RotatesByThePositionInRadians()
    {
        // 2 rotary dimensions: one frequency, base^0 = 1, so position p turns (x1, x2) by p radians; the third dimension passes.
        using var x = tensor(new float[] { 1, 2, 5, 1, 2, 5 }, [1, 1, 2, 3]);
        var (cos, sin) = RotaryEmbedding.Tables(2, 2, 10000, CPU);

        using var y = RotaryEmbedding.Apply(x, cos, sin);

        var v = y.data<float>().ToArray();
        Assert.Equal([1f, 2f, 5f], v[..3]);
        Assert.Equal(1 * Math.Cos(1) - 2 * Math.Sin(1), v[3], 5);
        Assert.Equal(2 * Math.Cos(1) + 1 * Math.Sin(1), v[4], 5);
        Assert.Equal(5f, v[5]);
    }

    [Fact]
    public void Apply_FourRotaryDimensionsOverThreeTokens_PairsTheHalvesAsNeoXsRotateHalf()
    {
        // Rotary 4 of head size 5, base 10 000: frequencies 1 and 10000^(−2/4) = 0.01. NeoX pairs dimension i with
        // i + 2 (rotate_half), not with i + 1 (interleaved, GPT-J's): at position p, (x0, x2) turn by p radians and
        // (x1, x3) by 0.01·p; the fifth dimension passes. Every token is (1, 2, 3, 4, 9).
        float[] token = [1, 2, 3, 4, 9];
        using var x = tensor(token.Concat(token).Concat(token).ToArray(), [1, 1, 3, 5]);
        var (cos, sin) = RotaryEmbedding.Tables(3, 4, 10000, CPU);

        using var y = RotaryEmbedding.Apply(x, cos, sin);

        var v = y.data<float>().ToArray();
        for (int p = 0; p < 3; p++)
        {
            double a = p, b = 0.01 * p;
            var row = v[(5 * p)..(5 * (p + 1))];
            Assert.Equal((1 * Math.Cos(a)) - (3 * Math.Sin(a)), row[0], 5);
            Assert.Equal((2 * Math.Cos(b)) - (4 * Math.Sin(b)), row[1], 5);
            Assert.Equal((3 * Math.Cos(a)) + (1 * Math.Sin(a)), row[2], 5);
            Assert.Equal((4 * Math.Cos(b)) + (2 * Math.Sin(b)), row[3], 5);
            Assert.Equal(9f, row[4]);
        }
    }

    [Fact]
    public void Apply_QueryKeyProduct_DependsOnlyOnTheirDistance()
    {
        using var g = new Generator(3);
        using var q = randn([1, 1, 1, 4], generator: g).expand(1, 1, 6, 4).contiguous();
        using var k = randn([1, 1, 1, 4], generator: g).expand(1, 1, 6, 4).contiguous();
        var (cos, sin) = RotaryEmbedding.Tables(6, 4, 10000, CPU);

        using var rq = RotaryEmbedding.Apply(q, cos, sin);
        using var rk = RotaryEmbedding.Apply(k, cos, sin);

        double Dot(int m, int n) => (rq[0, 0, m] * rk[0, 0, n]).sum().item<float>();
        Assert.Equal(Dot(3, 1), Dot(5, 3), 4);
        Assert.Equal(Dot(2, 2), Dot(0, 0), 4);
    }
}
