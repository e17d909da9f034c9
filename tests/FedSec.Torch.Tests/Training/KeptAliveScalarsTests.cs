using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

public class KeptAliveScalarsTests
{
    private static Tensor Values() => tensor(new float[] { -1.5f, 0f, 0.3f, 2f, 7.25f });

    [Fact]
    public void EachOperation_EqualsTheOperatorItReplaces_BitForBit()
    {
        using var scope = NewDisposeScope();
        var x = Values();
        Assert.Equal((x * 0.37).data<float>().ToArray(), x.Times(0.37).data<float>().ToArray());
        Assert.Equal((x / 0.07).data<float>().ToArray(), x.Over(0.07).data<float>().ToArray());
        Assert.Equal((x + 1e-12).data<float>().ToArray(), x.Plus(1e-12).data<float>().ToArray());
        Assert.Equal(x.clamp_min(1).data<float>().ToArray(), x.AtLeast(1).data<float>().ToArray());
        var labels = tensor(new long[] { 3, 1, 3, 0 });
        Assert.Equal(labels.eq(3).data<bool>().ToArray(), labels.EqualTo(3).data<bool>().ToArray());
    }

    [Fact]
    public void TimesOverAtLeast_HandComputed()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(new[] { -3f, 0f, 0.6f, 4f, 14.5f }, Values().Times(2).data<float>().ToArray());
        Assert.Equal(new[] { -0.75f, 0f, 0.15f, 1f, 3.625f }, Values().Over(2).data<float>().ToArray());
        Assert.Equal(new[] { 1f, 1f, 1f, 2f, 7.25f }, Values().AtLeast(1).data<float>().ToArray());
    }

    [Fact]
    public void LaterOperations_EqualTheOperatorsTheyReplace_BitForBit()
    {
        using var scope = NewDisposeScope();
        var x = Values();
        Assert.Equal((x > 0.3).data<bool>().ToArray(), x.Above(0.3).data<bool>().ToArray());
        Assert.Equal((1 - x).data<float>().ToArray(), x.SubtractedFrom(1).data<float>().ToArray());
        Assert.Equal(x.clamp(0, 1).data<float>().ToArray(), x.Clamped(0, 1).data<float>().ToArray());
        Assert.Equal(x.clone().div_(0.7).data<float>().ToArray(), x.clone().DivideInPlace(0.7).data<float>().ToArray());
        var mask = x.lt(0.5);
        Assert.Equal(x.masked_fill(mask, float.NegativeInfinity).data<float>().ToArray(), x.MaskedFill(mask, float.NegativeInfinity).data<float>().ToArray());
        Assert.Equal(full([4], 7, ScalarType.Int64).data<long>().ToArray(), KeptAliveScalars.Full([4], 7, ScalarType.Int64).data<long>().ToArray());
        Assert.Equal(arange(0, 10, 2, ScalarType.Float32).data<float>().ToArray(), KeptAliveScalars.Range(0, 10, 2, ScalarType.Float32, CPU).data<float>().ToArray());
    }

    [Fact]
    public void LaterOperations_HandComputed()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(new[] { false, false, false, true, true }, Values().Above(1).data<bool>().ToArray());
        Assert.Equal(new[] { 2.5f, 1f, 0.7f, -1f, -6.25f }, Values().SubtractedFrom(1).data<float>().ToArray());
        Assert.Equal(new[] { 0f, 0f, 0.3f, 1f, 1f }, Values().Clamped(0, 1).data<float>().ToArray());
        var halved = Values();
        Assert.Same(halved, halved.DivideInPlace(2));
        Assert.Equal(new[] { -0.75f, 0f, 0.15f, 1f, 3.625f }, halved.data<float>().ToArray());
        Assert.Equal(new[] { 4f, 4f, 4f, 4f, 4f }, Values().FillInPlace(4).data<float>().ToArray());
        Assert.Equal(new[] { 9f, 0f, 0.3f, 9f, 7.25f }, Values().MaskedFill(tensor(new[] { true, false, false, true, false }), 9).data<float>().ToArray());
        Assert.Equal(new long[] { 3, 3 }, KeptAliveScalars.Full([2], 3, ScalarType.Int64).data<long>().ToArray());
        Assert.Equal(new[] { 0f, 1f, 2f }, KeptAliveScalars.Range(0, 3, 1, ScalarType.Float32, CPU).data<float>().ToArray());
    }
}
