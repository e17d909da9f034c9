using System.Globalization;
using System.Text.Json;

namespace FedSec.Language.Models;

/// <summary>
/// Reads a Hugging Face <c>config.json</c> of a GPT-NeoX model. Every key is accounted for: the architecture's keys are
/// read and checked; keys that only describe the file (<c>architectures</c>, <c>torch_dtype</c>, token ids, ...) are
/// accepted; a key that would change the computation in a way FedSec does not implement (<c>rope_scaling</c>, a
/// non-zero dropout, another activation, tied embeddings) or that FedSec does not know is an error naming it.
/// </summary>
public static class GptNeoXConfigReader
{
    // Keys that describe the checkpoint or serve generation or other heads, not this model's forward pass.
    private static readonly HashSet<string> Descriptive = new(StringComparer.Ordinal)
    {
        "architectures", "torch_dtype", "transformers_version", "use_cache", "bos_token_id", "eos_token_id",
        "pad_token_id", "_name_or_path", "classifier_dropout", "id2label", "label2id",
    };

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="LanguageModelException">The file is missing, is not JSON, or has a key or value FedSec does not implement; the message names the file and the key.</exception>
    public static GptNeoXConfig ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new LanguageModelException(path, "the file does not exist; a model directory holds config.json, model.safetensors and tokenizer.json.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the JSON text of a config; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LanguageModelException">As <see cref="ReadFile"/>.</exception>
    public static GptNeoXConfig Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new LanguageModelException(source, $"it is not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new LanguageModelException(source, "it is not a JSON object.");
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // System.Text.Json keeps repeated keys; ToDictionary threw ArgumentException on them (found by fuzz/, target hf-config).
                if (!values.TryAdd(property.Name, property.Value.Clone()))
                {
                    throw new LanguageModelException(source, $"key '{property.Name}' appears more than once; each key may appear only once.");
                }
            }

            return Read(values, source);
        }
    }

    private static GptNeoXConfig Read(Dictionary<string, JsonElement> values, string source)
    {
        var used = new HashSet<string>(Descriptive, StringComparer.Ordinal);
        string Where(string key) => $"key '{key}'";
        JsonElement? Get(string key)
        {
            used.Add(key);
            return values.TryGetValue(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
        }

        int Int(string key, int? fallback = null, int min = 1)
        {
            var v = Get(key);
            if (v is null)
            {
                return fallback ?? throw new LanguageModelException(source, $"{Where(key)} is missing; a GPT-NeoX config must set it.");
            }

            return v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out int i) && i >= min
                ? i
                : throw new LanguageModelException(source, $"{Where(key)} is {v.Value.GetRawText()}; it must be an integer of at least {min}.");
        }

        double Real(string key, double fallback, double min, double max)
        {
            var v = Get(key);
            if (v is null)
            {
                return fallback;
            }

            return v.Value.ValueKind == JsonValueKind.Number && v.Value.GetDouble() is var d && d >= min && d <= max
                ? d
                : throw new LanguageModelException(source, $"{Where(key)} is {v.Value.GetRawText()}; it must be a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}].");
        }

        bool Flag(string key, bool fallback)
        {
            var v = Get(key);
            return v is null ? fallback
                : v.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.Value.GetBoolean()
                : throw new LanguageModelException(source, $"{Where(key)} is {v.Value.GetRawText()}; it must be true or false.");
        }

        void Require(bool ok, string key, string problem)
        {
            if (!ok)
            {
                throw new LanguageModelException(source, $"{Where(key)} {problem}");
            }
        }

        if (Get("model_type") is { } type)
        {
            Require(type.ValueKind == JsonValueKind.String && type.GetString() == "gpt_neox", "model_type", $"is {type.GetRawText()}; FedSec's gpt_neox model reads only \"gpt_neox\" configs.");
        }

        if (Get("hidden_act") is { } act)
        {
            Require(act.ValueKind == JsonValueKind.String && act.GetString() == "gelu", "hidden_act", $"is {act.GetRawText()}; FedSec implements only \"gelu\" (exact GELU), as Pythia uses.");
        }

        Require(Get("rope_scaling") is null, "rope_scaling", "is set; FedSec does not implement rotary scaling (only null is accepted).");
        Require(!Flag("tie_word_embeddings", false), "tie_word_embeddings", "is true; FedSec's GPT-NeoX has an untied embed_out, as Pythia does.");
        Require(Flag("attention_bias", true), "attention_bias", "is false; FedSec's GPT-NeoX has biases on every linear layer, as Pythia does.");
        Require(Real("attention_dropout", 0, 0, 1) == 0, "attention_dropout", "is not 0; FedSec does not implement dropout inside GPT-NeoX (LoRA's dropout is lora_args.lora_dropout).");
        Require(Real("hidden_dropout", 0, 0, 1) == 0, "hidden_dropout", "is not 0; FedSec does not implement dropout inside GPT-NeoX (LoRA's dropout is lora_args.lora_dropout).");

        // Newer transformers name rotary_pct partial_rotary_factor and rotary_emb_base rope_theta, and its save_pretrained
        // writes both names: either or both are read, and both must then agree.
        double Renamed(string newer, string older, double fallback, double min, double max)
        {
            if (!values.ContainsKey(newer))
            {
                return Real(older, fallback, min, max);
            }

            double value = Real(newer, fallback, min, max);
            if (values.ContainsKey(older))
            {
                double old = Real(older, fallback, min, max);
                Require(old == value, older, $"is {old.ToString(CultureInfo.InvariantCulture)} but {newer} is {value.ToString(CultureInfo.InvariantCulture)}; they name the same setting, so they must agree.");
            }

            return value;
        }

        double rotary = Renamed("partial_rotary_factor", "rotary_pct", 0.25, 0, 1);
        double rotaryBase = Renamed("rope_theta", "rotary_emb_base", 10000, 1, double.MaxValue);
        var config = new GptNeoXConfig(
            Int("vocab_size"),
            Int("hidden_size"),
            Int("num_hidden_layers"),
            Int("num_attention_heads"),
            Int("intermediate_size"),
            rotary,
            rotaryBase,
            Int("max_position_embeddings", 2048),
            Real("layer_norm_eps", 1e-5, double.Epsilon, 1),
            Flag("use_parallel_residual", true))
        {
            InitializerRange = Real("initializer_range", 0.02, 0, 10),
        };
        Require(config.HiddenSize % config.HeadCount == 0, "num_attention_heads", $"is {config.HeadCount}, which does not divide hidden_size {config.HiddenSize}.");
        Require(config.RotaryDimensions % 2 == 0, "rotary_pct", $"gives {config.RotaryDimensions} rotary dimensions per head; they must be even.");
        var unknown = values.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new LanguageModelException(source, $"key(s) {string.Join(", ", unknown.Select(k => $"'{k}'"))} are not implemented by FedSec's GPT-NeoX; remove them or use a model FedSec implements.");
        }

        return config;
    }
}
