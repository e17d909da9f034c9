using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// The optimisation at the heart of Deep Leakage from Gradients (Zhu, Liu and Han, NeurIPS 2019) and of iDLG (Zhao,
/// Mopuri and Bilen, 2020): find an input x (and, for DLG, soft label logits y) whose gradient
/// ∇θ ℓ(f(x), softmax(y)) matches an observed gradient g, by L-BFGS on Σ over the visible trainable tensors of
/// ‖∇θ ℓ − g‖². iDLG fixes y to the one-hot of a label read from the gradient and optimises x only. Pure kernel: the
/// caller gives the model (already holding the weights the gradient was taken at), the target and the initial dummy
/// values; nothing here draws random numbers or writes files.
/// </summary>
internal static class GradientInversion
{
    // Below this distance the gradients agree to float precision; more steps only risk L-BFGS dividing by ~0.
    private const double StopDistance = 1e-12;

    /// <summary>What the optimisation found.</summary>
    /// <param name="Input">The reconstructed input, 1×C×H×W, in the model's (normalised) input space.</param>
    /// <param name="LabelScores">The final label scores (DLG's optimised logits, or iDLG's fixed one-hot).</param>
    /// <param name="Distance">The final gradient distance.</param>
    public sealed record Result(float[] Input, float[] LabelScores, double Distance);

    /// <summary>Runs <paramref name="iterations"/> L-BFGS steps (each up to 20 evaluations, as in the authors' code).</summary>
    /// <param name="model">The model at the weights the gradient was taken at; its parameters must require gradients.</param>
    /// <param name="target">One observed gradient per trainable tensor, in <c>parameters()</c> order; null for tensors the attacker does not see.</param>
    /// <param name="initialInput">The dummy input, C·H·W values.</param>
    /// <param name="inputShape">1, C, H, W.</param>
    /// <param name="initialLabel">DLG: the dummy label logits (optimised); iDLG: null.</param>
    /// <param name="knownLabel">iDLG: the label read from the gradient; ignored when <paramref name="initialLabel"/> is given.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="iterations">L-BFGS steps.</param>
    /// <param name="lineSearch">How L-BFGS chooses its step lengths.</param>
    public static Result Run(
        nn.Module<Tensor, Tensor> model,
        IReadOnlyList<float[]?> target,
        float[] initialInput,
        long[] inputShape,
        float[]? initialLabel,
        int knownLabel,
        int classCount,
        int iterations,
        LbfgsLineSearch lineSearch)
    {
        var parameters = model.parameters().ToArray();
        if (parameters.Length != target.Count)
        {
            throw new ArgumentException($"The model has {parameters.Length} trainable tensors but {target.Count} target gradients were given.", nameof(target));
        }

        var visible = new List<int>();
        var targets = new Tensor[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            if (target[i] is { } t)
            {
                targets[i] = Copy(t.Select(v => (double)v).ToArray(), parameters[i].shape);
                visible.Add(i);
            }
        }

        if (visible.Count == 0)
        {
            throw new ArgumentException("Every trainable tensor is protected: the attacker sees no gradient to match.", nameof(target));
        }

        var visibleParameters = visible.Select(i => (Tensor)parameters[i]).ToArray();
        var visibleTargets = visible.Select(i => targets[i]).ToArray();
        Tensor? oneHot = null;
        if (initialLabel is null)
        {
            var hot = new double[classCount];
            hot[knownLabel] = 1;
            oneHot = Copy(hot, [1, classCount]);
        }

        // The optimised variables, x then (DLG) y, as one flat vector for L-BFGS.
        int inputSize = initialInput.Length;
        var point = initialInput.Select(v => (double)v).Concat(initialLabel?.Select(v => (double)v) ?? []).ToArray();
        double Objective(double[] at, double[] gradient) =>
            Distance(model, at, inputSize, inputShape, classCount, oneHot, visibleParameters, visibleTargets, gradient);

        // PyTorch's L-BFGS defaults (lr 1, 20 iterations and 25 evaluations a step, history 100), as the DLG authors
        // use; with or without a line search from that step length.
        var lbfgs = new Lbfgs { LineSearch = lineSearch };
        double distance = double.NaN;
        var before = new double[point.Length];
        for (int it = 0; it < iterations && !(distance < StopDistance); it++)
        {
            Array.Copy(point, before, point.Length);
            distance = lbfgs.Step(point, Objective);
            if (double.IsNaN(distance))
            {
                // L-BFGS has diverged (a known failure of DLG without line search); further steps cannot recover.
                break;
            }

            if (point.AsSpan().SequenceEqual(before))
            {
                // After a step that leaves the point where it was, every later step does the same: the gradient
                // there adds no curvature pair, so direction and outcome repeat. Stopping changes no result.
                break;
            }
        }

        // The distance at the returned point (Step reports the one at the start of its step).
        distance = Objective(point, new double[point.Length]);

        var input = point.Take(inputSize).Select(v => (float)v).ToArray();
        var scores = initialLabel is null ? oneHot!.data<double>().Select(v => (float)v).ToArray() : point.Skip(inputSize).Select(v => (float)v).ToArray();
        return new Result(input, scores, distance);
    }

    // A float64 tensor that owns a copy of the values (a tensor over a pinned managed array must not outlive the pin).
    private static Tensor Copy(double[] values, long[] shape)
    {
        using var view = tensor(values, shape);
        var owned = view.clone();
        GC.KeepAlive(values);
        return owned;
    }

    // Σ‖∇θ ℓ(f(x), p) − g‖² over the visible tensors, p = softmax(y) (DLG) or the known one-hot (iDLG), and its
    // gradient in (x, y): the model gradient is taken with create_graph so that the distance is differentiable in x.
    private static double Distance(
        nn.Module<Tensor, Tensor> model,
        double[] point,
        int inputSize,
        long[] inputShape,
        int classCount,
        Tensor? oneHot,
        Tensor[] parameters,
        Tensor[] targets,
        double[] gradient)
    {
        using var scope = NewDisposeScope();
        var x = Copy(point.Take(inputSize).ToArray(), inputShape).requires_grad_(true);
        var y = oneHot is null ? Copy(point.Skip(inputSize).ToArray(), [1, classCount]).requires_grad_(true) : null;
        var logits = model.forward(x);
        var p = y is null ? oneHot! : nn.functional.softmax(y, -1);
        var loss = -(p * nn.functional.log_softmax(logits, -1)).sum(-1).mean();
        var grads = autograd.grad([loss], parameters, [ones_like(loss)], retain_graph: true, create_graph: true);
        Tensor sum = zeros(1, ScalarType.Float64);
        for (int i = 0; i < grads.Count; i++)
        {
            // d * d rather than square(): square() goes through pow with a temporary Scalar, which libtorch
            // intermittently rejected as "Unknown scalar type" in Debug test runs.
            var diff = grads[i] - targets[i];
            sum = sum.Plus((diff * diff).sum());
        }

        var inputs = y is null ? new[] { x } : new[] { x, y };
        var dx = autograd.grad([sum], inputs, [ones_like(sum)]);
        int at = 0;
        foreach (var g in dx)
        {
            foreach (var v in g.contiguous().data<double>())
            {
                gradient[at++] = v;
            }
        }

        return sum.item<double>();
    }
}
