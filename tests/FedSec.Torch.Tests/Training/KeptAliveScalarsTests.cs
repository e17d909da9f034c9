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
}
