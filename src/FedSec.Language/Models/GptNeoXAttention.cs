using FedSec.Language.Lora;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>
/// GPT-NeoX's causal self-attention: one fused projection <c>query_key_value</c> whose output, viewed per head, holds
/// that head's query, key and value side by side (<c>[q_h k_h v_h]</c> for head h, not all queries first); partial
/// rotary embeddings on query and key; softmax(q kᵀ / √head_size) with a causal mask; the heads merged and projected
/// by <c>dense</c>.
/// </summary>
internal sealed class GptNeoXAttention : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // Hugging Face's module names.
    private readonly AdaptableLinear query_key_value;
    private readonly AdaptableLinear dense;
#pragma warning restore IDE1006, SA1300
    private readonly int _heads;
    private readonly int _headSize;

    public GptNeoXAttention(GptNeoXConfig config)
        : base("GPTNeoXAttention")
    {
        _heads = config.HeadCount;
        _headSize = config.HeadSize;
        query_key_value = new AdaptableLinear(config.HiddenSize, 3 * config.HiddenSize, hasBias: true);
        dense = new AdaptableLinear(config.HiddenSize, config.HiddenSize, hasBias: true);
        RegisterComponents();
    }

    public AdaptableLinear QueryKeyValue => query_key_value;

    public AdaptableLinear Dense => dense;

    /// <summary>Attention over <paramref name="x"/> (batch × length × hidden) with the rotary tables of its length.</summary>
    public override Tensor forward(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        long batch = x.shape[0], length = x.shape[1];
        var qkv = query_key_value.forward(x).view(batch, length, _heads, 3 * _headSize).permute(0, 2, 1, 3);
        var q = RotaryEmbedding.Apply(qkv[.., .., .., .._headSize], cos, sin);
        var k = RotaryEmbedding.Apply(qkv[.., .., .., _headSize..(2 * _headSize)], cos, sin);
        var v = qkv[.., .., .., (2 * _headSize)..];
        var scores = q.matmul(k.transpose(-1, -2)).Over(Math.Sqrt(_headSize));
        var future = ones(length, length, dtype: ScalarType.Bool, device: x.device).triu(1);
        var weights = scores.MaskedFill(future, float.NegativeInfinity).softmax(-1);
        var merged = weights.matmul(v).permute(0, 2, 1, 3).reshape(batch, length, _heads * _headSize);
        return dense.forward(merged).MoveToOuterDisposeScope();
    }
}
