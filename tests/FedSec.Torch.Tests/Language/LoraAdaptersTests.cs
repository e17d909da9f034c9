using FedSec.Language;
using FedSec.Language.Lora;
using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class LoraAdaptersTests
{
    [Fact]
    public void Attach_Defaults_OnlyQueryKeyValueAdaptersAreTrainable()
    {
        using var model = TinyGptNeoX.Create();

        var adapted = LoraAdapters.Attach(model, new LoraOptions { Rank = 2 });

        Assert.Equal(["gpt_neox.layers.0.attention.query_key_value", "gpt_neox.layers.1.attention.query_key_value"], adapted);
        var trainable = model.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray();
        Assert.Equal(
            [
                "gpt_neox.layers.0.attention.query_key_value.lora_A.weight", "gpt_neox.layers.0.attention.query_key_value.lora_B.weight",
                "gpt_neox.layers.1.attention.query_key_value.lora_A.weight", "gpt_neox.layers.1.attention.query_key_value.lora_B.weight",
            ],
            trainable);
        var a = model.named_parameters().First(p => p.name.EndsWith("0.attention.query_key_value.lora_A.weight", StringComparison.Ordinal)).parameter;
        Assert.Equal([2L, 8], a.shape);
    }

    [Fact]
    public void Attach_NewAdapter_ChangesNoOutput()
    {
        using var model = TinyGptNeoX.Create(seed: 4);
        using var tokens = TinyGptNeoX.Tokens([1, 2, 3, 4]);
        using var before = model.forward(tokens);

        LoraAdapters.Attach(model, new LoraOptions { Rank = 2, Targets = ["query_key_value", "dense", "dense_h_to_4h", "dense_4h_to_h"] });
        model.eval();

        Assert.True(before.allclose(model.forward(tokens), rtol: 0, atol: 0));
    }

    [Fact]
    public void MergedState_LoadedIntoAPlainModel_GivesTheAdaptedOutputs()
    {
        using var adapted = TinyGptNeoX.Create(seed: 4);
        LoraAdapters.Attach(adapted, new LoraOptions { Rank = 2, Alpha = 3, Targets = ["query_key_value", "dense_4h_to_h"] });
        using (no_grad())
        {
            using var g = new Generator(9);
            foreach (var (name, p) in adapted.named_parameters().Where(p => p.name.Contains("lora_B", StringComparison.Ordinal)))
            {
                p.normal_(0, 0.5, g);
            }
        }

        adapted.eval();
        using var plain = TinyGptNeoX.Create(seed: 99);
        var merged = LoraMerge.MergedState(adapted);
        using (no_grad())
        {
            foreach (var (name, p) in plain.named_parameters())
            {
                p.copy_(merged[name]);
            }
        }

        using var tokens = TinyGptNeoX.Tokens([1, 2, 3, 4], [5, 6, 7, 8]);
        using var expected = adapted.forward(tokens);
        using var actual = plain.forward(tokens);
        Assert.False(expected.allclose(TinyGptNeoX.Create(seed: 4).forward(tokens)));
        Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Attach_RankAboveLayerWidth_NamesLoraR()
    {
        using var model = TinyGptNeoX.Create();

        var e = Assert.Throws<LanguageModelException>(() => LoraAdapters.Attach(model, new LoraOptions { Rank = 9 }));

        Assert.Contains("lora_args.lora_r", e.Message, StringComparison.Ordinal);
        Assert.Contains("at most 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_UnknownTarget_NamesTargetModules()
    {
        using var model = TinyGptNeoX.Create();

        var e = Assert.Throws<LanguageModelException>(() => LoraAdapters.Attach(model, new LoraOptions { Targets = ["q_proj"] }));

        Assert.Contains("lora_args.target_modules names 'q_proj'", e.Message, StringComparison.Ordinal);
    }
}
