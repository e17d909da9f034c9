using FedSec.Language.Lora;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Language.Models;

/// <summary>
/// GPT-NeoX for causal language modelling (Hugging Face's <c>GPTNeoXForCausalLM</c>, the architecture of Pythia):
/// the backbone <c>gpt_neox</c> and an untied head <c>embed_out</c> (no bias). Its tensors have Hugging Face's names,
/// so a checkpoint's <c>model.safetensors</c> loads by name (<see cref="Checkpoints.HfCheckpoint"/>). It computes in
/// float32; it has no buffers (the rotary tables and the causal mask are recomputed).
/// </summary>
public sealed class GptNeoX : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // Hugging Face's module names.
    private readonly GptNeoXBackbone gpt_neox;
    private readonly AdaptableLinear embed_out;
#pragma warning restore IDE1006, SA1300

    /// <summary>Builds the model for <paramref name="config"/>, initialised from <paramref name="generator"/> as Hugging Face initialises it.</summary>
    public GptNeoX(GptNeoXConfig config, Generator? generator = null)
        : base("GPTNeoXForCausalLM")
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        gpt_neox = new GptNeoXBackbone(config);
        embed_out = new AdaptableLinear(config.HiddenSize, config.VocabularySize, hasBias: false);
        RegisterComponents();
        Initialise(generator);
    }

    /// <summary>The architecture.</summary>
    public GptNeoXConfig Config { get; }

    /// <summary>Every linear layer by its module name (e.g. <c>gpt_neox.layers.0.attention.query_key_value</c>), in module order.</summary>
    internal IEnumerable<(string Name, AdaptableLinear Layer)> LinearLayers() =>
        named_modules().Where(m => m.module is AdaptableLinear).Select(m => (m.name, (AdaptableLinear)m.module));

    /// <summary>Next-token logits (batch × length × vocabulary) of token ids (batch × length, int64).</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return embed_out.forward(gpt_neox.forward(tokens)).MoveToOuterDisposeScope();
    }

    // Hugging Face's GPTNeoXPreTrainedModel._init_weights: linear and embedding weights N(0, initializer_range²), biases 0,
    // layer norms 1 and 0.
    private void Initialise(Generator? generator)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                p.zero_();
            }
            else if (name.Contains("layernorm", StringComparison.Ordinal) || name.Contains("layer_norm", StringComparison.Ordinal))
            {
                p.FillInPlace(1);
            }
            else
            {
                p.normal_(0, Config.InitializerRange, generator);
            }
        }
    }
}
