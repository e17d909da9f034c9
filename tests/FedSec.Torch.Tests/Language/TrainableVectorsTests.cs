using FedSec.Language.Lora;
using FedSec.Language.Parameters;
using FedSec.Parameters;

namespace FedSec.Torch.Tests.Language;

public sealed class TrainableVectorsTests
{
    [Fact]
    public void LayoutOf_Lora_HoldsOnlyTheAdapters()
    {
        using var model = TinyGptNeoX.Create();
        LoraAdapters.Attach(model, new LoraOptions { Rank = 2 });

        var layout = TrainableVectors.LayoutOf(model);

        // 2 layers × (A: 2 × 8, B: 24 × 2) = 2 × 64.
        Assert.Equal(128, layout.Length);
        Assert.All(layout.Entries, e => Assert.Contains(".lora_", e.Name, StringComparison.Ordinal));
        Assert.All(layout.Entries, e => Assert.Equal(ParameterKind.Trainable, e.Kind));
    }

    [Fact]
    public void LoadVector_ThenToVector_RoundTripsAndLeavesTheBase()
    {
        using var model = TinyGptNeoX.Create();
        LoraAdapters.Attach(model, new LoraOptions { Rank = 2 });
        var layout = TrainableVectors.LayoutOf(model);
        var baseBefore = model.named_parameters().Where(p => !p.parameter.requires_grad).Select(p => p.parameter.detach().clone()).ToArray();
        var values = Enumerable.Range(0, layout.Length).Select(i => i / 10f).ToArray();

        TrainableVectors.LoadVector(model, layout, values);

        Assert.Equal(values, TrainableVectors.ToVector(model, layout));
        var baseAfter = model.named_parameters().Where(p => !p.parameter.requires_grad).Select(p => p.parameter).ToArray();
        Assert.All(baseBefore.Zip(baseAfter), x => Assert.True(x.First.allclose(x.Second, rtol: 0, atol: 0)));
    }

    [Fact]
    public void LayoutOf_FullFineTuning_HoldsEveryParameter()
    {
        using var model = TinyGptNeoX.Create();

        Assert.Equal(model.parameters().Sum(p => p.numel()), TrainableVectors.LayoutOf(model).Length);
    }
}
