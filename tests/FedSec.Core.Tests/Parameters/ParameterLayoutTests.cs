using FedSec.Parameters;

namespace FedSec.Core.Tests.Parameters;

public class ParameterLayoutTests
{
    private static ParameterLayout Mixed() => new(new (string, IReadOnlyList<long>, ParameterKind)[]
    {
        ("conv.weight", new long[] { 2, 3 }, ParameterKind.Trainable),
        ("bn.running_mean", new long[] { 2 }, ParameterKind.Buffer),
        ("fc.bias", new long[] { 4 }, ParameterKind.Trainable),
    });

    [Fact]
    public void Constructor_MixedTensors_AssignsContiguousOffsetsAndCounts()
    {
        var layout = Mixed();
        Assert.Equal(new[] { 0, 6, 8 }, layout.Entries.Select(e => e.Offset));
        Assert.Equal(12, layout.Length);
        Assert.Equal(10, layout.TrainableLength);
        Assert.False(layout.AllTrainable);
    }

    [Fact]
    public void GatherThenScatterTrainable_RoundTrip_LeavesBuffersAlone()
    {
        var layout = Mixed();
        var full = Enumerable.Range(0, 12).Select(i => (float)i).ToArray();
        var packed = layout.GatherTrainable(full);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 8, 9, 10, 11 }, packed);

        var target = new float[12];
        target[6] = 42;
        target[7] = 43;
        layout.ScatterTrainable(packed, target);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 42, 43, 8, 9, 10, 11 }, target);
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ParameterLayout(new (string, IReadOnlyList<long>, ParameterKind)[]
        {
            ("a", new long[] { 1 }, ParameterKind.Trainable),
            ("a", new long[] { 1 }, ParameterKind.Trainable),
        }));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }
}
