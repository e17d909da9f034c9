using FedSec.Aggregation;
using FedSec.Parameters;

namespace FedSec.Core.Tests.Aggregation;

public class TrainableViewTests
{
    private static readonly ParameterLayout Layout = new(new (string, IReadOnlyList<long>, ParameterKind)[]
    {
        ("w", new long[] { 2 }, ParameterKind.Trainable),
        ("bn.running_mean", new long[] { 1 }, ParameterKind.Buffer),
        ("b", new long[] { 1 }, ParameterKind.Trainable),
    });

    [Fact]
    public void Of_LayoutWithBuffers_ReturnsTrainableElementsOnly()
    {
        var updates = new[] { new ClientUpdate(0, 1, new[] { 1f, 2f, 99f, 3f }) };
        Assert.Equal(new[] { 1f, 2f, 3f }, TrainableView.Of(updates, Layout)[0]);
    }

    [Fact]
    public void Of_AllTrainable_ReturnsTheUpdatesOwnArrays()
    {
        var layout = new ParameterLayout(new (string, IReadOnlyList<long>, ParameterKind)[] { ("w", new long[] { 2 }, ParameterKind.Trainable) });
        var update = new ClientUpdate(0, 1, new[] { 1f, 2f });
        Assert.Same(update.Weights, TrainableView.Of(new[] { update }, layout)[0]);
    }

    [Fact]
    public void Compose_Buffers_TakeWeightedMean()
    {
        var updates = new[]
        {
            new ClientUpdate(0, 1, new[] { 0f, 0f, 10f, 0f }),
            new ClientUpdate(1, 3, new[] { 0f, 0f, 30f, 0f }),
        };
        var full = TrainableView.Compose(new[] { 7f, 8f, 9f }, updates, Layout);
        Assert.Equal(new[] { 7f, 8f, 25f, 9f }, full);
    }
}
