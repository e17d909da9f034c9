using FedSec.Parameters;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// Recovers the gradient a client computed from what the server sees, the global model G and the client's local
/// model w: after s plain SGD steps of rate η, G − w = η Σ gradients, so g = (G − w) / (η s) is the mean gradient
/// over the steps, and exactly the gradient when s = 1 (DLG's setting: one step on one batch). With L2 weight decay λ
/// the first step's gradient also holds λG, which is removed so that g is the loss gradient alone. Pure kernel.
/// </summary>
internal static class ObservedGradient
{
    /// <summary>One gradient per trainable tensor of <paramref name="layout"/>, in layout order; null for protected tensors.</summary>
    /// <param name="global">The global model G the client started from.</param>
    /// <param name="local">The client's local model w.</param>
    /// <param name="layout">The models' layout.</param>
    /// <param name="learningRate">The clients' learning rate η.</param>
    /// <param name="steps">Local SGD steps the client took.</param>
    /// <param name="weightDecay">The clients' L2 weight decay λ.</param>
    /// <param name="protectedTensors">Indices among the trainable tensors whose gradient the attacker does not see.</param>
    public static float[]?[] Compute(
        ReadOnlySpan<float> global,
        ReadOnlySpan<float> local,
        ParameterLayout layout,
        double learningRate,
        int steps,
        double weightDecay,
        IReadOnlySet<int> protectedTensors)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(protectedTensors);
        if (!(learningRate > 0) || steps < 1)
        {
            throw new ArgumentException($"The gradient needs a positive learning rate and at least one step; got η = {learningRate}, {steps} steps.");
        }

        layout.CheckLength(global.Length);
        layout.CheckLength(local.Length);
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        var result = new float[]?[trainable.Length];
        double scale = 1.0 / (learningRate * steps);
        for (int t = 0; t < trainable.Length; t++)
        {
            if (protectedTensors.Contains(t))
            {
                continue;
            }

            var e = trainable[t];
            var g = new float[e.Length];
            for (int j = 0; j < e.Length; j++)
            {
                double gw = global[e.Offset + j];
                g[j] = (float)(((gw - local[e.Offset + j]) * scale) - (weightDecay * gw));
            }

            result[t] = g;
        }

        return result;
    }
}
