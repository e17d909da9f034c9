using System.Text.Json.Nodes;

namespace FedSec.Language.Models;

/// <summary>Writes a <see cref="GptNeoXConfig"/> as a Hugging Face <c>config.json</c> that transformers and <see cref="GptNeoXConfigReader"/> both read.</summary>
public static class GptNeoXConfigWriter
{
    /// <summary>The JSON text of <paramref name="config"/>.</summary>
    public static string ToJson(GptNeoXConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray("GPTNeoXForCausalLM"),
            ["model_type"] = "gpt_neox",
            ["vocab_size"] = config.VocabularySize,
            ["hidden_size"] = config.HiddenSize,
            ["num_hidden_layers"] = config.LayerCount,
            ["num_attention_heads"] = config.HeadCount,
            ["intermediate_size"] = config.IntermediateSize,
            ["hidden_act"] = "gelu",
            ["rotary_pct"] = config.RotaryPercent,
            ["rotary_emb_base"] = config.RotaryBase,
            ["max_position_embeddings"] = config.MaxPositions,
            ["layer_norm_eps"] = config.LayerNormEpsilon,
            ["use_parallel_residual"] = config.ParallelResidual,
            ["initializer_range"] = config.InitializerRange,
            ["tie_word_embeddings"] = false,
            ["torch_dtype"] = "float32",
        };
        return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

}
