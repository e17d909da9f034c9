using FedSec.Language.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace FedSec.Language.Checkpoints;

/// <summary>
/// A Hugging Face model directory: <c>config.json</c> (<see cref="GptNeoXConfigReader"/>) and <c>model.safetensors</c>
/// with Hugging Face's tensor names, read and written by TorchSharp.PyBridge. Loading checks every tensor against the
/// config: a missing, extra or wrongly shaped tensor is an error naming it. Buffers a checkpoint may carry that the model
/// recomputes (<c>rotary_emb.inv_freq</c>, the causal mask <c>attention.bias</c> and <c>attention.masked_bias</c>) are
/// ignored. Tensors of another floating-point type (Pythia's are float16) are converted to float32.
/// </summary>
public static class HfCheckpoint
{
    /// <summary>The config file's name.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The weights file's name.</summary>
    public const string WeightsFileName = "model.safetensors";

    private static readonly string[] RecomputedSuffixes = [".rotary_emb.inv_freq", ".attention.bias", ".attention.masked_bias"];

    /// <summary>Builds the model of <paramref name="directory"/>'s config and loads its weights.</summary>
    /// <exception cref="LanguageModelException">A file is missing or unreadable, or a tensor does not match the config; the message names it.</exception>
    public static GptNeoX Load(string directory)
    {
        var config = GptNeoXConfigReader.ReadFile(Path.Combine(directory, ConfigFileName));
        var model = new GptNeoX(config);
        LoadWeights(model, Path.Combine(directory, WeightsFileName));
        return model;
    }

    /// <summary>Overwrites <paramref name="model"/>'s base weights with those in the safetensors file <paramref name="path"/>.</summary>
    /// <exception cref="LanguageModelException">The file is missing or unreadable, or its tensors do not match the model; the message names each.</exception>
    public static void LoadWeights(GptNeoX model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path))
        {
            throw new LanguageModelException(path, "the file does not exist; a model directory holds config.json, model.safetensors and tokenizer.json.");
        }

        var tensors = SafetensorsFile.Load(path);

        try
        {
            var expected = BaseTensors(model);
            var problems = new List<string>();
            foreach (var name in expected.Keys.Where(n => !tensors.ContainsKey(n)))
            {
                problems.Add($"missing tensor '{name}' {Shape(expected[name])}");
            }

            foreach (var (name, tensor) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (expected.TryGetValue(name, out var target))
                {
                    if (!tensor.shape.SequenceEqual(target.shape))
                    {
                        problems.Add($"tensor '{name}' has shape {Shape(tensor)}, the config asks for {Shape(target)}");
                    }
                    else if (!tensor.is_floating_point())
                    {
                        problems.Add($"tensor '{name}' is {tensor.dtype}, not floating point");
                    }
                }
                else if (!RecomputedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
                {
                    problems.Add($"unexpected tensor '{name}' {Shape(tensor)}");
                }
            }

            if (problems.Count > 0)
            {
                throw new LanguageModelException(path, $"its tensors do not match the config: {string.Join("; ", problems)}.");
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

    /// <summary>Writes <paramref name="model"/>'s config and base weights (adapters merged in) into <paramref name="directory"/>.</summary>
    public static void Save(GptNeoX model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ConfigFileName), GptNeoXConfigWriter.ToJson(model.Config));
        var merged = Lora.LoraMerge.MergedState(model);
        try
        {
            Safetensors.SaveStateDict(Path.Combine(directory, WeightsFileName), merged);
        }
        finally
        {
            foreach (var t in merged.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>The model's base tensors (not the adapters) by Hugging Face name.</summary>
    internal static Dictionary<string, Tensor> BaseTensors(GptNeoX model) =>
        model.named_parameters().Where(p => !Lora.LoraMerge.IsAdapterTensor(p.name)).ToDictionary(p => p.name, p => (Tensor)p.parameter, StringComparer.Ordinal);

    private static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
