using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class GptNeoXTests
{
    [Fact]
    public void Forward_GivesLogitsPerPosition()
    {
        using var model = TinyGptNeoX.Create();
        using var tokens = TinyGptNeoX.Tokens([1, 2, 3], [4, 5, 6]);

        using var logits = model.forward(tokens);

        Assert.Equal([2L, 3, 11], logits.shape);
    }

    [Fact]
    public void Forward_IsCausal_ALaterTokenDoesNotChangeEarlierLogits()
    {
        using var model = TinyGptNeoX.Create();
        using var a = model.forward(TinyGptNeoX.Tokens([1, 2, 3, 4]));
        using var b = model.forward(TinyGptNeoX.Tokens([1, 2, 9, 4]));

        Assert.True(a[0, ..2].allclose(b[0, ..2]));
        Assert.False(a[0, 2].allclose(b[0, 2]));
    }

    [Fact]
    public void Forward_OneToken_IsTheResidualOfItsValueAndMlp()
    {
        // With one token, attention is the token's own value: the layer is x + dense(v(ln1 x)) + mlp(ln2 x), checked by hand.
        using var g = new Generator(5);
        var config = new GptNeoXConfig(5, 4, 1, 1, 8, RotaryPercent: 0, MaxPositions: 4) { InitializerRange = 0.5 };
        using var model = new GptNeoX(config, g);
        var p = model.named_parameters().ToDictionary(x => x.name, x => (Tensor)x.parameter);
        using var tokens = TinyGptNeoX.Tokens([3]);

        using var logits = model.forward(tokens);

        using var x = p["gpt_neox.embed_in.weight"][3].unsqueeze(0);
        Tensor Ln(Tensor t, string name) => nn.functional.layer_norm(t, [4], p[name + ".weight"], p[name + ".bias"], 1e-5);
        Tensor Lin(Tensor t, string name) => nn.functional.linear(t, p[name + ".weight"], p.GetValueOrDefault(name + ".bias"));
        const string L = "gpt_neox.layers.0.";
        var v = Lin(Ln(x, L + "input_layernorm"), L + "attention.query_key_value")[.., 8..];
        var attn = Lin(v, L + "attention.dense");
        var mlp = Lin(nn.functional.gelu(Lin(Ln(x, L + "post_attention_layernorm"), L + "mlp.dense_h_to_4h")), L + "mlp.dense_4h_to_h");
        using var expected = Lin(Ln(x + attn + mlp, "gpt_neox.final_layer_norm"), "embed_out");
        Assert.True(logits[0].allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Forward_OneTokenTwoHeads_TakesEachHeadsValueFromItsOwnThirdOfItsSlice()
    {
        // Hugging Face's fused layout: query_key_value's output, viewed as (heads, 3 × head size), holds head h's q, k, v
        // side by side, so head h's value is columns 12h + 8 .. 12h + 11 (head size 4), not a block after all the queries.
        using var g = new Generator(6);
        var config = new GptNeoXConfig(5, 8, 1, 2, 8, RotaryPercent: 0, MaxPositions: 4) { InitializerRange = 0.5 };
        using var model = new GptNeoX(config, g);
        var p = model.named_parameters().ToDictionary(x => x.name, x => (Tensor)x.parameter);
        using var tokens = TinyGptNeoX.Tokens([2]);

        using var logits = model.forward(tokens);

        using var x = p["gpt_neox.embed_in.weight"][2].unsqueeze(0);
        Tensor Ln(Tensor t, string name) => nn.functional.layer_norm(t, [8], p[name + ".weight"], p[name + ".bias"], 1e-5);
        Tensor Lin(Tensor t, string name) => nn.functional.linear(t, p[name + ".weight"], p.GetValueOrDefault(name + ".bias"));
        const string L = "gpt_neox.layers.0.";
        var qkv = Lin(Ln(x, L + "input_layernorm"), L + "attention.query_key_value");
        var v = cat([qkv[.., 8..12], qkv[.., 20..24]], 1);
        var attn = Lin(v, L + "attention.dense");
        var mlp = Lin(nn.functional.gelu(Lin(Ln(x, L + "post_attention_layernorm"), L + "mlp.dense_h_to_4h")), L + "mlp.dense_4h_to_h");
        using var expected = Lin(Ln(x + attn + mlp, "gpt_neox.final_layer_norm"), "embed_out");
        Assert.True(logits[0].allclose(expected, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Forward_SequentialResidual_DiffersFromParallel()
    {
        using var parallel = TinyGptNeoX.Create(parallel: true);
        using var sequential = TinyGptNeoX.Create(parallel: false);
        using var tokens = TinyGptNeoX.Tokens([1, 2, 3]);

        Assert.False(parallel.forward(tokens).allclose(sequential.forward(tokens)));
    }

    [Fact]
    public void Parameters_HaveHuggingFaceNames()
    {
        using var model = TinyGptNeoX.Create();

        var names = model.named_parameters().Select(p => p.name).ToArray();

        Assert.Contains("gpt_neox.embed_in.weight", names);
        Assert.Contains("gpt_neox.layers.1.attention.query_key_value.weight", names);
        Assert.Contains("gpt_neox.layers.0.mlp.dense_4h_to_h.bias", names);
        Assert.Contains("gpt_neox.final_layer_norm.weight", names);
        Assert.Contains("embed_out.weight", names);
        Assert.DoesNotContain("embed_out.bias", names);
        Assert.Empty(model.named_buffers());
    }
}
