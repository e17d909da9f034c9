using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Language.Lora;

/// <summary>Attaches LoRA adapters to a GPT-NeoX model: after it, only the adapters are trainable and the base is frozen.</summary>
public static class LoraAdapters
{
    /// <summary>
    /// Attaches an adapter to every layer named in <paramref name="options"/>' targets (in every transformer layer; the
    /// head <c>embed_out</c> is never adapted) and freezes every other parameter; A's initial values come from
    /// <paramref name="generator"/>.
    /// </summary>
    /// <returns>The names of the adapted layers, in module order.</returns>
    /// <exception cref="LanguageModelException">The settings are invalid or do not fit the model (a rank above a layer's width); names the key.</exception>
    public static IReadOnlyList<string> Attach(GptNeoX model, LoraOptions options, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new LanguageModelException("lora_args", string.Join(" ", problems));
        }

        var targets = model.LinearLayers()
            .Where(l => l.Name.StartsWith("gpt_neox.", StringComparison.Ordinal) && options.Targets.Contains(l.Name[(l.Name.LastIndexOf('.') + 1)..], StringComparer.Ordinal))
            .ToArray();
        foreach (var (name, layer) in targets)
        {
            long width = Math.Min(layer.InFeatures, layer.OutFeatures);
            if (options.Rank > width)
            {
                throw new LanguageModelException("lora_args.lora_r", $"a rank of {options.Rank} is above the width of {name} ({layer.InFeatures} → {layer.OutFeatures}); use at most {width}.");
            }
        }

        foreach (var p in model.parameters())
        {
            p.requires_grad = false;
        }

        foreach (var (_, layer) in targets)
        {
            layer.AttachAdapter(options.Rank, options.Alpha, options.Dropout, generator);
        }

        return targets.Select(t => t.Name).ToArray();
    }

    /// <summary>Sets the generator every adapter's dropout draws from (null: libtorch's global one).</summary>
    public static void SetDropoutGenerator(GptNeoX model, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var (_, layer) in model.LinearLayers())
        {
            layer.DropoutGenerator = generator;
        }
    }
}
