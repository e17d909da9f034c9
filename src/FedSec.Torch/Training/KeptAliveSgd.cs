using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace FedSec.Torch.Training;

/// <summary>
/// SGD with momentum and weight decay, the operations of TorchSharp's <c>torch.optim.SGD</c> (PyTorch's, without
/// dampening or Nesterov) in the same order, so the numbers are the same bit for bit. Written here because TorchSharp
/// 0.107 passes the learning rate, momentum and weight decay to libtorch as implicitly converted <see cref="Scalar"/>s
/// that nothing keeps alive during the native call: a garbage collection on another thread can finalize one while
/// libtorch reads it, and the step fails with "Expected false to be true" from <c>Scalar::toFloat</c> (4 of 96 runs of
/// examples/privacy/hidden_attacks_krum_dp.yaml; a loop of steps beside an allocating thread reproduces it within a
/// minute; dotnet/TorchSharp#1496 is the open fix). Here each scalar is created once, held by the optimizer, and
/// disposed with it.
/// </summary>
internal sealed class KeptAliveSgd : ILocalOptimizer
{
    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _momentumBuffers;
    private Scalar _negativeRate;
    private readonly Scalar? _momentum;
    private readonly Scalar? _weightDecay;
    private readonly Scalar _one;

    /// <param name="parameters">The parameters to train.</param>
    /// <param name="learningRate">The learning rate (at least 0).</param>
    /// <param name="momentum">The momentum factor (0: none).</param>
    /// <param name="weightDecay">The L2 penalty added to each gradient (0: none).</param>
    public KeptAliveSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _parameters = parameters.ToArray();
        _momentumBuffers = new Tensor?[_parameters.Length];
        _negativeRate = (-learningRate).ToScalar();
        _momentum = momentum != 0 ? momentum.ToScalar() : null;
        _weightDecay = weightDecay != 0 ? weightDecay.ToScalar() : null;
        _one = 1.0.ToScalar();
    }

    /// <summary>Changes the learning rate for the next steps (a schedule), as setting a parameter group's rate.</summary>
    public double LearningRate
    {
        get => -_negativeRate.ToDouble();
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            var old = _negativeRate;
            _negativeRate = (-value).ToScalar();
            old.Dispose();
        }
    }

    public void ZeroGrad() => Gradients.Zero(_parameters);

    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var grad = p.grad;
            if (grad is null)
            {
                continue;
            }

            if (_weightDecay is not null)
            {
                grad = grad.add(p, _weightDecay);
            }

            if (_momentum is not null)
            {
                if (_momentumBuffers[i] is not { } buffer)
                {
                    _momentumBuffers[i] = grad.clone().detach().DetachFromDisposeScope();
                }
                else
                {
                    buffer.mul_(_momentum).add_(grad, _one);
                }

                grad = _momentumBuffers[i]!;
            }

            p.add_(grad, _negativeRate);
        }

        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        foreach (var buffer in _momentumBuffers)
        {
            buffer?.Dispose();
        }

        _negativeRate.Dispose();
        _momentum?.Dispose();
        _weightDecay?.Dispose();
        _one.Dispose();
    }
}
