using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace FedSec.Torch.Training;

/// <summary>
/// Adam (with optional AMSGrad) and AdamW (decoupled weight decay), the operations of TorchSharp's <c>torch.optim.Adam</c>
/// and <c>AdamW</c> in the same order, so the numbers are the same bit for bit (tested). Written here for the reason
/// <see cref="KeptAliveSgd"/> gives: TorchSharp 0.107 passes β₁, β₂, ε and the step sizes as implicitly converted
/// <see cref="Scalar"/>s nothing keeps alive during the native call. Here the constant ones live as long as the
/// optimizer and the per-step ones (bias corrections) until the step's end.
/// </summary>
internal sealed class KeptAliveAdam : ILocalOptimizer
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;
    private readonly Tensor?[] _maxExpAvgSq;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _weightDecay;
    private readonly bool _decoupled;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _eps;
    private readonly Scalar _weightDecayScalar;
    private readonly Scalar _decayFactor;
    private long _step;

    /// <param name="parameters">The parameters to train.</param>
    /// <param name="learningRate">The learning rate.</param>
    /// <param name="weightDecay">Adam: an L2 penalty added to the gradient; AdamW: the decoupled decay.</param>
    /// <param name="amsgrad">Normalise by the largest second moment so far (AMSGrad; Adam only).</param>
    /// <param name="decoupled">AdamW (Loshchilov and Hutter): decay the parameters by 1 − lr·wd before the Adam step.</param>
    /// <param name="beta1">The first moment's coefficient.</param>
    /// <param name="beta2">The second moment's coefficient.</param>
    /// <param name="eps">Added to the denominator.</param>
    public KeptAliveAdam(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0, bool amsgrad = false, bool decoupled = false, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegative(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        _parameters = parameters.ToArray();
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        _weightDecay = weightDecay;
        _decoupled = decoupled;
        _expAvg = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _expAvgSq = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _maxExpAvgSq = _parameters.Select(p => amsgrad && !decoupled ? zeros_like(p).DetachFromDisposeScope() : null).ToArray();
        _beta1Scalar = beta1.ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _eps = eps.ToScalar();
        _weightDecayScalar = weightDecay.ToScalar();
        _decayFactor = (1 - (learningRate * weightDecay)).ToScalar();
    }

    public void ZeroGrad() => Gradients.Zero(_parameters);

    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _step++;
        double correction1 = 1 - Math.Pow(_beta1, _step);
        double correction2 = 1 - Math.Pow(_beta2, _step);
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var negativeStepSize = (-(_learningRate / correction1)).ToScalar();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var grad = p.grad;
            if (grad is null)
            {
                continue;
            }

            if (_weightDecay != 0)
            {
                if (_decoupled)
                {
                    p.mul_(_decayFactor);
                }
                else
                {
                    grad = grad.add(p, _weightDecayScalar);
                }
            }

            _expAvg[i].mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
            _expAvgSq[i].mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);
            Tensor denominator;
            if (_maxExpAvgSq[i] is { } max)
            {
                _maxExpAvgSq[i] = maximum(max, _expAvgSq[i]).DetachFromDisposeScope();
                max.Dispose();
                denominator = _maxExpAvgSq[i]!.sqrt().div(rootCorrection2).AddInPlace(_eps);
            }
            else
            {
                denominator = _expAvgSq[i].sqrt().div(rootCorrection2).AddInPlace(_eps);
            }

            p.addcdiv_(_expAvg[i], denominator, negativeStepSize);
        }

        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        foreach (var t in _expAvg.Concat(_expAvgSq))
        {
            t.Dispose();
        }

        foreach (var t in _maxExpAvgSq)
        {
            t?.Dispose();
        }

        _beta1Scalar.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta1.Dispose();
        _oneMinusBeta2.Dispose();
        _eps.Dispose();
        _weightDecayScalar.Dispose();
        _decayFactor.Dispose();
    }
}
