using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class DotProductTests
{
    [Fact]
    public void Of_SmallVectors_EqualsSumOfProducts()
    {
        Assert.Equal((1 * 4) + (2 * -5) + (3 * 6), DotProduct.Of(new float[] { 1, 2, 3 }, new float[] { 4, -5, 6 }));
    }

    [Fact]
    public void Of_OnesAcrossThreeBlocks_IsTheLength()
    {
        // 10 000 ones span three 4 096-element blocks; each block's float sum is exact, and so is their double total.
        var x = Enumerable.Repeat(1f, 10_000).ToArray();
        Assert.Equal(10_000, DotProduct.Of(x, x));
    }

    [Fact]
    public void Of_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => DotProduct.Of(new float[2], new float[3]));
    }

    [Fact]
    public void Matrix_TwoVectors_IsSymmetricGram()
    {
        var g = DotProduct.Matrix(new[] { new float[] { 1, 2 }, new float[] { 3, -1 } });
        Assert.Equal(new double[,] { { 5, 1 }, { 1, 10 } }, g);
    }
}
