using System.Text.Json;
using System.Text.Json.Nodes;
using FedSec.Language.Checkpoints;
using FedSec.Language.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace FedSec.Language.Lora;

/// <summary>
/// LoRA adapters on disk in PEFT's layout: <c>adapter_model.safetensors</c> (tensor names prefixed
/// <c>base_model.model.</c>, e.g. <c>base_model.model.gpt_neox.layers.0.attention.query_key_value.lora_A.weight</c>)
/// with <c>adapter_config.json</c> beside it (<c>r</c>, <c>lora_alpha</c>, <c>lora_dropout</c>, <c>target_modules</c>).
/// A PEFT setting that changes the computation in a way FedSec does not implement (<c>use_rslora</c>, <c>use_dora</c>,
/// <c>fan_in_fan_out</c>, adapter biases, <c>modules_to_save</c>, <c>layers_to_transform</c>, a non-empty
/// <c>alpha_pattern</c> or <c>rank_pattern</c>) is an error naming it.
/// </summary>
public static class LoraAdapterFile
{
    /// <summary>The weights file's name.</summary>
    public const string WeightsFileName = "adapter_model.safetensors";

    /// <summary>The settings file's name.</summary>
    public const string ConfigFileName = "adapter_config.json";

    private const string Prefix = "base_model.model.";

    /// <summary>Attaches the adapters in <paramref name="path"/> (the weights file, or the directory holding it) to <paramref name="model"/>.</summary>
    /// <exception cref="LanguageModelException">A file is missing or unreadable, a setting not implemented, or a tensor missing, extra or misshapen; names it.</exception>
    public static void Load(GptNeoX model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        string weights = Directory.Exists(path) ? Path.Combine(path, WeightsFileName) : path;
        string config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(weights))!, ConfigFileName);
        if (!File.Exists(weights))
        {
            throw new LanguageModelException(weights, "the adapter file does not exist.");
        }

        try
        {
            LoraAdapters.Attach(model, ReadOptions(config));
        }
        catch (LanguageModelException e) when (e.Origin.StartsWith("lora_args", StringComparison.Ordinal))
        {
            throw new LanguageModelException(config, $"its settings do not fit the model: {e.Message}", e);
        }

        var tensors = SafetensorsFile.Load(weights);

        try
        {
            var expected = model.named_parameters().Where(p => LoraMerge.IsAdapterTensor(p.name)).ToDictionary(p => Prefix + p.name, p => (Tensor)p.parameter, StringComparer.Ordinal);
            var problems = expected.Where(e => !tensors.ContainsKey(e.Key)).Select(e => $"missing tensor '{e.Key}'")
                .Concat(tensors.Where(t => !expected.ContainsKey(t.Key)).Select(t => $"unexpected tensor '{t.Key}'"))
                .Concat(tensors.Where(t => expected.TryGetValue(t.Key, out var e) && !t.Value.shape.SequenceEqual(e.shape))
                    .Select(t => $"tensor '{t.Key}' has shape [{string.Join(", ", t.Value.shape)}], the adapter config asks for [{string.Join(", ", expected[t.Key].shape)}]"))
                .ToArray();
            if (problems.Length > 0)
            {
                throw new LanguageModelException(weights, $"its tensors do not match {ConfigFileName} and the model: {string.Join("; ", problems)}.");
            }

            using var noGrad = no_grad();
            foreach (var (name, target) in expected)
            {
                target.copy_(tensors[name].to_type(ScalarType.Float32));
            }
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Writes <paramref name="model"/>'s adapters and <paramref name="options"/> into <paramref name="directory"/> in PEFT's layout.</summary>
    public static void Save(GptNeoX model, LoraOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var config = new JsonObject
        {
            ["peft_type"] = "LORA",
            ["task_type"] = "CAUSAL_LM",
            ["r"] = options.Rank,
            ["lora_alpha"] = options.Alpha,
            ["lora_dropout"] = options.Dropout,
            ["target_modules"] = new JsonArray(options.Targets.Select(t => (JsonNode)t!).ToArray()),
            ["bias"] = "none",
        };
        File.WriteAllText(Path.Combine(directory, ConfigFileName), config.ToJsonString() + "\n");
        var state = model.named_parameters().Where(p => LoraMerge.IsAdapterTensor(p.name)).ToDictionary(p => Prefix + p.name, p => p.parameter.detach().contiguous());
        try
        {
            Safetensors.SaveStateDict(Path.Combine(directory, WeightsFileName), state);
        }
        finally
        {
            foreach (var t in state.Values)
            {
                t.Dispose();
            }
        }
    }

    private static LoraOptions ReadOptions(string path)
    {
        if (!File.Exists(path))
        {
            throw new LanguageModelException(path, $"the adapter settings are missing; PEFT writes {ConfigFileName} next to {WeightsFileName}.");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            JsonElement? Get(string key) => root.TryGetProperty(key, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
            void Refuse(string key, Func<JsonElement, bool> unsupported, string why)
            {
                if (Get(key) is { } v && unsupported(v))
                {
                    throw new LanguageModelException(path, $"key '{key}' is {v.GetRawText()}; {why}");
                }
            }

            Refuse("use_rslora", v => v.ValueKind == JsonValueKind.True, "FedSec scales adapters by lora_alpha / r, not rank-stabilised.");
            Refuse("use_dora", v => v.ValueKind == JsonValueKind.True, "FedSec does not implement DoRA.");
            Refuse("fan_in_fan_out", v => v.ValueKind == JsonValueKind.True, "GPT-NeoX's layers are not transposed.");
            Refuse("bias", v => v.GetString() != "none", "FedSec's adapters have no biases (only \"none\").");
            Refuse("modules_to_save", v => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0, "FedSec does not train whole modules beside the adapters.");
            Refuse("layers_to_transform", _ => true, "FedSec adapts every layer.");
            Refuse("alpha_pattern", v => v.ValueKind == JsonValueKind.Object && v.EnumerateObject().Any(), "FedSec scales every adapter by one lora_alpha / r (per-module alphas would be ignored).");
            Refuse("rank_pattern", v => v.ValueKind == JsonValueKind.Object && v.EnumerateObject().Any(), "FedSec gives every adapter the one rank r.");
            var targets = Get("target_modules") is { ValueKind: JsonValueKind.Array } t ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : null;
            var options = new LoraOptions
            {
                Rank = Get("r")?.GetInt32() ?? throw new LanguageModelException(path, "key 'r' is missing."),
                Alpha = Get("lora_alpha")?.GetDouble() ?? throw new LanguageModelException(path, "key 'lora_alpha' is missing."),
                Dropout = Get("lora_dropout")?.GetDouble() ?? 0,
                Targets = targets ?? throw new LanguageModelException(path, "key 'target_modules' is missing or not a list."),
            };
            return options;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new LanguageModelException(path, $"it cannot be read as PEFT adapter settings ({e.Message}).", e);
        }
    }
}
