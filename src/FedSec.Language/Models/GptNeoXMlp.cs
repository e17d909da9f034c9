using FedSec.Language.Lora;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>GPT-NeoX's MLP: <c>dense_4h_to_h(gelu(dense_h_to_4h(x)))</c> with the exact (erf) GELU.</summary>
internal sealed class GptNeoXMlp : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // Hugging Face's module names.
    private readonly AdaptableLinear dense_h_to_4h;
    private readonly AdaptableLinear dense_4h_to_h;
#pragma warning restore IDE1006, SA1300

    public GptNeoXMlp(GptNeoXConfig config)
        : base("GPTNeoXMLP")
    {
        dense_h_to_4h = new AdaptableLinear(config.HiddenSize, config.IntermediateSize, hasBias: true);
        dense_4h_to_h = new AdaptableLinear(config.IntermediateSize, config.HiddenSize, hasBias: true);
        RegisterComponents();
    }

    public AdaptableLinear Up => dense_h_to_4h;

    public AdaptableLinear Down => dense_4h_to_h;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return dense_4h_to_h.forward(nn.functional.gelu(dense_h_to_4h.forward(x))).MoveToOuterDisposeScope();
    }
}
