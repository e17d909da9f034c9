using FedSec.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Models;

public class SeededDropoutTests
{
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void Forward_GeneratorSeededLikeGlobal_SameOutputAndGradientAsTorchDropoutBitForBit(double p)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var x = randn(64, 300);

        var xa = x.detach().clone().requires_grad_(true);
        random.manual_seed(42);
        using var reference = nn.Dropout(p);
        reference.train();
        var ya = reference.forward(xa);
        ya.sum().backward();

        var xb = x.detach().clone().requires_grad_(true);
        using var seeded = new SeededDropout(p) { Generator = new Generator(42) };
        seeded.train();
        var yb = seeded.forward(xb);
        yb.sum().backward();

        Assert.True(ya.allclose(yb, 0, 0), "the outputs differ");
        Assert.True(xa.grad!.allclose(xb.grad!, 0, 0), "the gradients differ");
        Assert.True(yb.eq(0).sum().item<long>() > 0, "nothing was dropped");
    }

    [Fact]
    public void Forward_OwnGenerator_DoesNotTouchTheGlobalGenerator()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(7);
        var expected = rand(10);

        random.manual_seed(7);
        using var seeded = new SeededDropout(0.5) { Generator = new Generator(1) };
        seeded.train();
        seeded.forward(ones(1000));
        Assert.True(rand(10).allclose(expected, 0, 0));
    }

    [Fact]
    public void Forward_Evaluation_PassesInputThrough()
    {
        using var scope = NewDisposeScope();
        var x = randn(4, 5);
        using var seeded = new SeededDropout(0.5) { Generator = new Generator(1) };
        seeded.eval();
        Assert.True(seeded.forward(x).allclose(x, 0, 0));
    }

    [Fact]
    public void Forward_SameSeed_SameMask()
    {
        using var scope = NewDisposeScope();
        var x = ones(500);
        using var seeded = new SeededDropout(0.3);
        seeded.train();
        seeded.Generator = new Generator(3);
        var first = seeded.forward(x);
        seeded.Generator = new Generator(3);
        Assert.True(seeded.forward(x).allclose(first, 0, 0));
        seeded.Generator = new Generator(4);
        Assert.False(seeded.forward(x).allclose(first, 0, 0));
    }
}
