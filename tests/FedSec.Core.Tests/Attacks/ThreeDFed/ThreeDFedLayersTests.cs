using FedSec.Attacks.ThreeDFed;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

public class ThreeDFedLayersTests
{
    [Fact]
    public void Of_LeNet5_IndicatorIsTheLargestLayerBeforeTheOutput_OutputRowsCarryTheirBias()
    {
        var layers = ThreeDFedLayers.Of(Layout(
            ("conv1.weight", [6, 1, 5, 5]), ("conv1.bias", [6]), ("conv2.weight", [16, 6, 5, 5]), ("conv2.bias", [16]),
            ("fc1.weight", [120, 400]), ("fc1.bias", [120]), ("fc2.weight", [84, 120]), ("fc2.bias", [84]),
            ("fc3.weight", [10, 84]), ("fc3.bias", [10])));

        Assert.Equal("fc1.weight", layers.Indicator.Name);
        Assert.Equal("fc3.weight", layers.OutputWeight.Name);
        Assert.Equal("fc3.bias", layers.OutputBias?.Name);
        Assert.Equal(85, layers.RowCoordinates(3).Length);
    }

    [Fact]
    public void Of_EqualLargestLayers_TakesTheLastAsTheAuthorsDoOnResNet18()
    {
        var layers = ThreeDFedLayers.Of(Layout(
            ("layer4.0.conv2.weight", [512, 512, 3, 3]), ("layer4.1.conv1.weight", [512, 512, 3, 3]),
            ("layer4.1.conv2.weight", [512, 512, 3, 3]), ("bn.weight", [512]), ("fc.weight", [10, 512]), ("fc.bias", [10])));

        Assert.Equal("layer4.1.conv2.weight", layers.Indicator.Name);
    }

    [Fact]
    public void Of_LogisticRegression_IndicatorIsTheOutputWeight()
    {
        var layers = ThreeDFedLayers.Of(Layout(("linear.weight", [10, 784]), ("linear.bias", [10])));

        Assert.Equal("linear.weight", layers.Indicator.Name);
    }

    private static ParameterLayout Layout(params (string Name, long[] Shape)[] entries) =>
        new(entries.Select(e => (e.Name, (IReadOnlyList<long>)e.Shape, ParameterKind.Trainable)));
}
