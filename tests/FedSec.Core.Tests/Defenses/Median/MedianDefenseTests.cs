using FedSec.Defenses.Median;
using FedSec.Stages;
using static FedSec.Core.Tests.Defenses.AggregationDefenseFixtures;

namespace FedSec.Core.Tests.Defenses.Median;

public class MedianDefenseTests
{
    [Fact]
    public void DefendOnAggregation_EvenCount_MeanOfTwoMiddleValues()
    {
        var updates = Updates(new[] { 1f }, new[] { 9f }, new[] { 4f }, new[] { 2f });
        var outcome = new MedianDefense().DefendOnAggregation(updates, Context(new float[1], 4));
        Assert.Equal(3f, outcome.Weights[0]);
        Assert.Empty(outcome.Verdicts);
    }

    [Fact]
    public void DefendOnAggregation_Buffers_TakeWeightedMeanNotMedian()
    {
        var updates = Updates(new[] { 1f, 10f }, new[] { 2f, 20f }, new[] { 100f, 60f });
        var outcome = new MedianDefense().DefendOnAggregation(updates, Context(new float[2], 3, layout: BufferLayout(1, 1)));
        Assert.Equal(new[] { 2f, 30f }, outcome.Weights);
    }

    [Fact]
    public void DefendOnAggregation_HugeMinority_StaysWithinHonestRange()
    {
        var updates = Updates(new[] { 1e6f, -1e6f }, new[] { 1e6f, 1e6f }, new[] { 1f, 2f }, new[] { 1.2f, 2.5f }, new[] { 0.9f, 2.2f });
        var w = new MedianDefense().DefendOnAggregation(updates, Context(new float[2], 5)).Weights;
        Assert.InRange(w[0], 0.9f, 1.2f);
        Assert.InRange(w[1], 2f, 2.5f);
    }

    [Fact]
    public void Descriptor_NoKeys_CreatesOnAggregationDefense()
    {
        Assert.Empty(MedianRegistration.Descriptor.Parameters);
        Create<IOnAggregationDefense>(MedianRegistration.Descriptor, 10);
    }
}
