namespace FedSec.Language.Models;

/// <summary>
/// The architecture of a GPT-NeoX model (Black et al. 2022; Pythia, Biderman et al. 2023) as a Hugging Face
/// <c>config.json</c> describes it; <see cref="GptNeoXConfigReader"/> reads and checks one.
/// </summary>
/// <param name="VocabularySize">Tokens in the vocabulary (<c>vocab_size</c>).</param>
/// <param name="HiddenSize">Width of the residual stream (<c>hidden_size</c>).</param>
/// <param name="LayerCount">Transformer layers (<c>num_hidden_layers</c>).</param>
/// <param name="HeadCount">Attention heads (<c>num_attention_heads</c>); divides <paramref name="HiddenSize"/>.</param>
/// <param name="IntermediateSize">Width of the MLP (<c>intermediate_size</c>).</param>
/// <param name="RotaryPercent">Share of each head's dimensions that get rotary embeddings (<c>rotary_pct</c>).</param>
/// <param name="RotaryBase">Base of the rotary frequencies (<c>rotary_emb_base</c>).</param>
/// <param name="MaxPositions">Longest sequence (<c>max_position_embeddings</c>).</param>
/// <param name="LayerNormEpsilon">Layer norm's ε (<c>layer_norm_eps</c>).</param>
/// <param name="ParallelResidual">Attention and MLP side by side on the same input (<c>use_parallel_residual</c>).</param>
public sealed record GptNeoXConfig(
    int VocabularySize,
    int HiddenSize,
    int LayerCount,
    int HeadCount,
    int IntermediateSize,
    double RotaryPercent = 0.25,
    double RotaryBase = 10000,
    int MaxPositions = 2048,
    double LayerNormEpsilon = 1e-5,
    bool ParallelResidual = true)
{
    /// <summary>Dimensions per head.</summary>
    public int HeadSize => HiddenSize / HeadCount;

    /// <summary>Dimensions per head that are rotated: <c>int(head_size × rotary_pct)</c>, as Hugging Face computes it.</summary>
    public int RotaryDimensions => (int)(HeadSize * RotaryPercent);

    /// <summary>Standard deviation of the initial weights (<c>initializer_range</c>).</summary>
    /// <value>The default value is 0.02.</value>
    public double InitializerRange { get; init; } = 0.02;
}
