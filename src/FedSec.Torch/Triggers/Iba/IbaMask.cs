using FedSec.Attacks.Neurotoxin;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Torch.Data;
using static TorchSharp.torch;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// IBA's low-confidence coordinates (the gradient mask it takes from Neurotoxin's released code): the gradient g of
/// the clean cross-entropy at the global model, summed over the attacker's mini-batches of its clean data in order;
/// the trainable coordinates whose |g| is among the largest (1 − ratio) share matter most to the main task and stay
/// at the global model; the attacker trains the rest. Exactly m − ⌊ratio·m⌋ are frozen, ties at the boundary in
/// coordinate order (<see cref="NeurotoxinMask"/>).
/// </summary>
internal static class IbaMask
{
    /// <summary>True for the frozen coordinates of the flat model; <paramref name="model"/> must hold the global model.</summary>
    public static bool[] Frozen(InputGradientModel model, ImageSet clean, int batchSize, double ratio)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clean);
        var gradient = Gradient(model, clean, batchSize);
        return NeurotoxinMask.Frozen(gradient, new float[gradient.Length], model.Layout, ratio);
    }

    /// <summary>Σ over mini-batches of ∇θ mean CE, in the flat layout (zero at buffers).</summary>
    public static float[] Gradient(InputGradientModel model, ImageSet clean, int batchSize)
    {
        var layout = model.Layout;
        var parameters = model.Module.parameters().ToArray();
        foreach (var p in parameters)
        {
            p.grad?.zero_();
        }

        for (int first = 0; first < clean.Count; first += batchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batchSize, clean.Count - first);
            var loss = nn.functional.cross_entropy(model.Logits(ImageTensors.Images(clean, first, count)), ImageTensors.Labels(clean, first, count));
            loss.backward();
        }

        var flat = new float[layout.Length];
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        for (int i = 0; i < trainable.Length; i++)
        {
            if (parameters[i].grad is { } g)
            {
                g.contiguous().data<float>().CopyTo(flat.AsSpan(trainable[i].Offset, trainable[i].Length));
                g.zero_();
            }
        }

        return flat;
    }
}
