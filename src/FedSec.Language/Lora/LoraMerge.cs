using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Language.Lora;

/// <summary>Folds LoRA adapters into the base weights: each adapted layer's weight becomes <c>W + (α / r) B A</c>.</summary>
public static class LoraMerge
{
    /// <summary>Whether a tensor name is an adapter's (<c>….lora_A.weight</c>, <c>….lora_B.weight</c>).</summary>
    public static bool IsAdapterTensor(string name) =>
        name.Contains(".lora_A.", StringComparison.Ordinal) || name.Contains(".lora_B.", StringComparison.Ordinal);

    /// <summary>The model's base state with every adapter merged in, by Hugging Face name; new tensors the caller disposes.</summary>
    public static Dictionary<string, Tensor> MergedState(GptNeoX model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, p) in model.named_parameters())
        {
            if (!IsAdapterTensor(name))
            {
                state[name] = p.detach().clone();
            }
        }

        foreach (var (name, layer) in model.LinearLayers())
        {
            if (layer.HasAdapter)
            {
                string key = name + ".weight";
                state[key].Dispose();
                state[key] = layer.MergedWeight();
            }
        }

        return state;
    }
}
