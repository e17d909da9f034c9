using FedSec.Language;
using FedSec.Language.Models;

namespace FedSec.Torch.Tests.Language;

public sealed class GptNeoXConfigReaderTests
{
    // Pythia-70m's config.json as published.
    private const string Pythia70m = """
        {"architectures": ["GPTNeoXForCausalLM"], "bos_token_id": 0, "eos_token_id": 0, "hidden_act": "gelu", "hidden_size": 512,
         "initializer_range": 0.02, "intermediate_size": 2048, "layer_norm_eps": 1e-05, "max_position_embeddings": 2048,
         "model_type": "gpt_neox", "num_attention_heads": 8, "num_hidden_layers": 6, "rotary_emb_base": 10000, "rotary_pct": 0.25,
         "tie_word_embeddings": false, "torch_dtype": "float16", "transformers_version": "4.24.0", "use_cache": true,
         "use_parallel_residual": true, "vocab_size": 50304}
        """;

    [Fact]
    public void Parse_Pythia70m_ReadsTheArchitecture()
    {
        var c = GptNeoXConfigReader.Parse(Pythia70m, "config.json");

        Assert.Equal(new GptNeoXConfig(50304, 512, 6, 8, 2048, 0.25, 10000, 2048, 1e-5, true), c);
        Assert.Equal(64, c.HeadSize);
        Assert.Equal(16, c.RotaryDimensions);
    }

    [Fact]
    public void Parse_BothRotaryNamesAsRecentTransformersSaves_ReadsThemWhenTheyAgree()
    {
        // transformers 4.4x's save_pretrained writes partial_rotary_factor and rope_theta next to rotary_pct and
        // rotary_emb_base; such a config was refused as having unknown keys.
        string both = Pythia70m.Replace("\"use_cache\": true", "\"use_cache\": true, \"partial_rotary_factor\": 0.25, \"rope_theta\": 10000", StringComparison.Ordinal);
        Assert.Equal(GptNeoXConfigReader.Parse(Pythia70m, "config.json"), GptNeoXConfigReader.Parse(both, "config.json"));

        string disagree = Pythia70m.Replace("\"use_cache\": true", "\"use_cache\": true, \"partial_rotary_factor\": 0.5", StringComparison.Ordinal);
        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(disagree, "config.json"));
        Assert.Contains("rotary_pct", e.Message, StringComparison.Ordinal);
        Assert.Contains("partial_rotary_factor is 0.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyTwice_IsAnErrorNamingTheKey()
    {
        // fuzz/ (target hf-config): a repeated key threw ArgumentException from ToDictionary.
        string json = Pythia70m.Replace("\"use_cache\": true", "\"intermediate_size\": 8", StringComparison.Ordinal);

        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(json, "config.json"));

        Assert.Equal("config.json: key 'intermediate_size' appears more than once; each key may appear only once.", e.Message);
    }

    [Fact]
    public void Parse_RopeScaling_IsAnErrorNamingTheKey()
    {
        string json = Pythia70m.Replace("\"use_cache\": true", "\"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}", StringComparison.Ordinal);

        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(json, "dir/config.json"));

        Assert.Contains("dir/config.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("'rope_scaling'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_IsAnErrorNamingIt()
    {
        string json = Pythia70m.Replace("\"use_cache\": true", "\"sliding_window\": 64", StringComparison.Ordinal);

        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(json, "config.json"));

        Assert.Contains("'sliding_window'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadsNotDividingWidth_NamesTheKey()
    {
        string json = Pythia70m.Replace("\"num_attention_heads\": 8", "\"num_attention_heads\": 7", StringComparison.Ordinal);

        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(json, "config.json"));

        Assert.Contains("'num_attention_heads'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherActivation_NamesTheKey()
    {
        string json = Pythia70m.Replace("\"gelu\"", "\"gelu_fast\"", StringComparison.Ordinal);

        var e = Assert.Throws<LanguageModelException>(() => GptNeoXConfigReader.Parse(json, "config.json"));

        Assert.Contains("'hidden_act'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ThenParse_GivesTheSameConfig()
    {
        var config = TinyGptNeoX.Config(parallel: false);

        Assert.Equal(config, GptNeoXConfigReader.Parse(GptNeoXConfigWriter.ToJson(config), "config.json"));
    }
}
