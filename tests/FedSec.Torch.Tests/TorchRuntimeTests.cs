using static TorchSharp.torch;

namespace FedSec.Torch.Tests;

public class TorchRuntimeTests
{
    [Fact]
    public void MatMul_TwoByTwo_GivesHandComputedProduct()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);

        var product = a.matmul(b).data<float>().ToArray();

        Assert.Equal(new float[] { 19, 22, 43, 50 }, product);
    }
}
