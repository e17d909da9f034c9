using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>GPT-NeoX without its head (Hugging Face's <c>gpt_neox</c>): <c>embed_in</c>, the <c>layers</c>, <c>final_layer_norm</c>.</summary>
internal sealed class GptNeoXBackbone : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // Hugging Face's module names.
    private readonly Embedding embed_in;
    private readonly ModuleList<GptNeoXLayer> layers;
    private readonly LayerNorm final_layer_norm;
#pragma warning restore IDE1006, SA1300
    private readonly GptNeoXConfig _config;

    public GptNeoXBackbone(GptNeoXConfig config)
        : base("GPTNeoXModel")
    {
        _config = config;
        embed_in = nn.Embedding(config.VocabularySize, config.HiddenSize);
        layers = new ModuleList<GptNeoXLayer>(Enumerable.Range(0, config.LayerCount).Select(_ => new GptNeoXLayer(config)).ToArray());
        final_layer_norm = nn.LayerNorm(config.HiddenSize, config.LayerNormEpsilon);
        RegisterComponents();
    }

    public IReadOnlyList<GptNeoXLayer> Layers => [.. layers];

    /// <summary>Hidden states (batch × length × hidden) of token ids (batch × length, int64).</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        int length = (int)tokens.shape[1];
        if (length > _config.MaxPositions)
        {
            throw new ArgumentException($"A sequence of {length} tokens is longer than the model's max_position_embeddings, {_config.MaxPositions}.", nameof(tokens));
        }

        var (cos, sin) = RotaryEmbedding.Tables(length, _config.RotaryDimensions, _config.RotaryBase, tokens.device);
        var x = embed_in.forward(tokens);
        foreach (var layer in layers)
        {
            x = layer.forward(x, cos, sin);
        }

        return final_layer_norm.forward(x).MoveToOuterDisposeScope();
    }
}
