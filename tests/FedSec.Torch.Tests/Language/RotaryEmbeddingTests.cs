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
