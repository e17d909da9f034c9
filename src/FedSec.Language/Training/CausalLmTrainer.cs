using FedSec.Data.Text;
using FedSec.Language.Lora;
using FedSec.Language.Models;
using FedSec.Randomness;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Language.Training;

/// <summary>
/// Trains a causal language model for a number of steps with AdamW (Loshchilov and Hutter, ICLR 2019) on the
/// parameters that require gradients (the LoRA adapters, or every parameter in full fine-tuning), clipping the
/// gradients' total norm. Batches follow a seeded order: a permutation of the sequences, taken <c>BatchSize</c> at a
/// time (the last partial batch of a pass kept), a new permutation each pass. LoRA's dropout draws from its own
/// generator seeded by <c>seed</c>, so parallel trainings do not share libtorch's global one.
/// </summary>
public static class CausalLmTrainer
{
    /// <summary>Trains <paramref name="model"/> in place; returns the mean training loss over the steps.</summary>
    /// <param name="model">The model; its parameters that require gradients are trained.</param>
    /// <param name="data">The training sequences.</param>
    /// <param name="settings">Steps, batch size, AdamW and clipping.</param>
    /// <param name="order">The batch order's only source of randomness.</param>
    /// <param name="seed">Seeds LoRA's dropout.</param>
    /// <param name="onStep">Called after each step with its index and loss (progress displays); null for none.</param>
    public static double Train(GptNeoX model, TokenSequenceSet data, CausalLmSettings settings, Random order, long seed, Action<int, double>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(order);
        if (data.Count == 0)
        {
            throw new ArgumentException("There are no sequences to train on.", nameof(data));
        }

        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        if (parameters.Length == 0)
        {
            throw new ArgumentException("The model has no trainable parameter.", nameof(model));
        }

        using var generator = new Generator((ulong)seed);
        LoraAdapters.SetDropoutGenerator(model, generator);
        using var optimizer = new KeptAliveAdam(parameters, settings.LearningRate, settings.WeightDecay, decoupled: true);
        model.train();
        double total = 0;
        int[] perm = [];
        int next = 0;
        try
        {
            for (int step = 0; step < settings.Steps; step++)
            {
                if (next >= perm.Length)
                {
                    perm = order.Permutation(data.Count);
                    next = 0;
                }

                int n = Math.Min(settings.BatchSize, perm.Length - next);
                var rows = perm.AsSpan(next, n).ToArray();
                next += n;
                using var scope = NewDisposeScope();
                optimizer.ZeroGrad();
                var tokens = Batch(data, rows);
                var loss = CausalLmLoss.Mean(model.forward(tokens), tokens);
                loss.backward();
                if (settings.MaxGradNorm > 0)
                {
                    nn.utils.clip_grad_norm_(parameters, settings.MaxGradNorm);
                }

                optimizer.Step();
                float value = loss.item<float>();
                total += value;
                onStep?.Invoke(step, value);
            }
        }
        finally
        {
            LoraAdapters.SetDropoutGenerator(model, null);
        }

        return settings.Steps == 0 ? double.NaN : total / settings.Steps;
    }

    /// <summary>The sequences at <paramref name="rows"/> as an int64 tensor (rows × length).</summary>
    internal static Tensor Batch(TokenSequenceSet data, int[] rows)
    {
        var ids = new long[(long)rows.Length * data.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var source = data.Sequence(rows[i]);
            for (int j = 0; j < source.Length; j++)
            {
                ids[((long)i * data.Length) + j] = source[j];
            }
        }

        return tensor(ids, [rows.Length, data.Length]);
    }
}
