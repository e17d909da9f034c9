using FedSec.Torch.Models;
using FedSec.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Language.Lora;

/// <summary>
/// A linear layer (<c>weight</c>, optional <c>bias</c>, named as <c>nn.Linear</c>'s, so Hugging Face checkpoints load
/// by name) that can carry a LoRA adapter (Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022):
/// <c>y = x Wᵀ + b + (α / r) · dropout(x) Aᵀ Bᵀ</c> with <c>A</c> (r × in, <c>lora_A.weight</c>) initialised as
/// <c>nn.Linear</c>'s weight and <c>B</c> (out × r, <c>lora_B.weight</c>) zero, so that a new adapter changes nothing.
/// The names follow PEFT's. Enabling the adapter freezes <c>weight</c> and <c>bias</c>.
/// </summary>
internal sealed class AdaptableLinear : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1300 // PyTorch-style names: they are the tensors' names in checkpoints.
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private Linear? lora_A;
    private Linear? lora_B;
    private SeededDropout? lora_dropout;
#pragma warning restore IDE1006, SA1300
    private double _scale;

    public AdaptableLinear(long inFeatures, long outFeatures, bool hasBias)
        : base("AdaptableLinear")
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = new Parameter(empty(outFeatures, inFeatures));
        bias = hasBias ? new Parameter(zeros(outFeatures)) : null;
        RegisterComponents();
    }

    public long InFeatures { get; }

    public long OutFeatures { get; }

    /// <summary>Whether an adapter is attached.</summary>
    public bool HasAdapter => lora_A is not null;

    public Parameter Weight => weight;

    public Parameter? Bias => bias;

    /// <summary>The adapter's scale α / r; 0 without an adapter.</summary>
    public double Scale => _scale;

    /// <summary>The adapter's A (r × in) and B (out × r) weights; null without an adapter.</summary>
    public (Tensor A, Tensor B)? Adapter => lora_A is null ? null : (lora_A.weight!, lora_B!.weight!);

    /// <summary>The generator LoRA's dropout draws from (null: libtorch's global one).</summary>
    public Generator? DropoutGenerator
    {
        get => lora_dropout?.Generator;
        set
        {
            if (lora_dropout is not null)
            {
                lora_dropout.Generator = value;
            }
        }
    }

    /// <summary>Attaches an adapter of rank <paramref name="rank"/> and freezes the base weights; A's initial values come from <paramref name="generator"/>.</summary>
    public void AttachAdapter(int rank, double alpha, double dropout, Generator? generator)
    {
        if (HasAdapter)
        {
            throw new InvalidOperationException("The layer already has an adapter.");
        }

        lora_A = nn.Linear(InFeatures, rank, hasBias: false);
        lora_B = nn.Linear(rank, OutFeatures, hasBias: false);
        using (no_grad())
        {
            // nn.Linear's (and PEFT's) initialisation of A: Kaiming uniform with a = √5, i.e. U(−1/√in, 1/√in).
            double bound = 1 / Math.Sqrt(InFeatures);
            lora_A.weight!.uniform_(-bound, bound, generator);
            lora_B.weight!.zero_();
        }

        lora_dropout = new SeededDropout(dropout);
        _scale = alpha / rank;
        register_module("lora_A", lora_A);
        register_module("lora_B", lora_B);
        register_module("lora_dropout", lora_dropout);
        weight.requires_grad = false;
        if (bias is not null)
        {
            bias.requires_grad = false;
        }
    }

    /// <summary>The weight with the adapter folded in: <c>W + (α / r) B A</c>.</summary>
    public Tensor MergedWeight()
    {
        using var noGrad = no_grad();
        return lora_A is null ? weight.detach().clone() : weight.Plus(lora_B!.weight!.matmul(lora_A.weight!).Times(_scale)).detach();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.linear(input, weight, bias);
        if (lora_A is not null)
        {
            output = output.Plus(lora_B!.forward(lora_A.forward(lora_dropout!.forward(input))).Times(_scale));
        }

        return output.MoveToOuterDisposeScope();
    }
}
