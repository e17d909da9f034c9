using FedSec.Torch.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>
/// One GPT-NeoX layer. With a parallel residual (Pythia): <c>x + attn(ln₁(x)) + mlp(ln₂(x))</c>; without:
/// <c>h = x + attn(ln₁(x))</c>, then <c>h + mlp(ln₂(h))</c>.
/// </summary>
internal sealed class GptNeoXLayer : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // Hugging Face's module names.
    private readonly LayerNorm input_layernorm;
    private readonly LayerNorm post_attention_layernorm;
    private readonly GptNeoXAttention attention;
    private readonly GptNeoXMlp mlp;
#pragma warning restore IDE1006, SA1300
    private readonly bool _parallel;

    public GptNeoXLayer(GptNeoXConfig config)
        : base("GPTNeoXLayer")
    {
        input_layernorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEpsilon);
        post_attention_layernorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEpsilon);
        attention = new GptNeoXAttention(config);
        mlp = new GptNeoXMlp(config);
        _parallel = config.ParallelResidual;
        RegisterComponents();
    }

    public GptNeoXAttention Attention => attention;

    public GptNeoXMlp Mlp => mlp;

    public override Tensor forward(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var attended = attention.forward(input_layernorm.forward(x), cos, sin);
        if (_parallel)
        {
            return x.Plus(attended).Plus(mlp.forward(post_attention_layernorm.forward(x))).MoveToOuterDisposeScope();
        }

        var h = x.Plus(attended);
        return h.Plus(mlp.forward(post_attention_layernorm.forward(h))).MoveToOuterDisposeScope();
    }
}
