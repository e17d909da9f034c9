using FedSec.Aggregation;

namespace FedSec.Core.Tests.Aggregation;

public class ScalarMedianTests
{
    [Fact]
    public void Of_EvenCount_IsMeanOfMiddleValues()
    {
        Assert.Equal(2.5, ScalarMedian.Of(new double[] { 4, 1, 3, 2 }));
    }

    [Fact]
    public void Of_OddCount_IsMiddleValue()
    {
        Assert.Equal(3, ScalarMedian.Of(new double[] { 5, 1, 3 }));
    }

    [Fact]
    public void Of_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => ScalarMedian.Of(Array.Empty<double>()));
    }
}
