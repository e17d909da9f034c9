namespace FedSec.Torch.Reconstruction;

/// <summary>
/// Limited-memory BFGS (Liu and Nocedal, 1989; Nocedal and Wright, "Numerical Optimization", algorithms 7.4 and 7.5)
/// on a flat vector, following PyTorch's <c>torch.optim.LBFGS</c>: the two-loop recursion over the last
/// <c>HistorySize</c> pairs (s, y), a pair kept only when yᵀs &gt; 10⁻¹⁰ (positive curvature, so the inverse Hessian
/// approximation stays positive definite), initial scaling yᵀs / yᵀy. The step is either fixed (<c>lr</c>, the very
/// first one min(1, 1/‖g‖₁)·lr; PyTorch's default and the DLG authors' optimiser) or found by a strong Wolfe line
/// search starting from that length (<see cref="LineSearch"/>). At most <c>MaxIter</c> iterations and (roughly)
/// <c>MaxEval</c> evaluations per <see cref="Step"/>; stops on ‖g‖∞ ≤ <c>ToleranceGrad</c>, a step or loss change
/// below <c>ToleranceChange</c>, an ascent direction, or a non-finite loss. Managed so that no native callback holds
/// tensors across calls. Pure: the objective is a callback returning the value and writing the gradient.
/// </summary>
internal sealed class Lbfgs
{
    private readonly List<double[]> _s = new();
    private readonly List<double[]> _y = new();
    private readonly List<double> _rho = new();
    private double[]? _direction;
    private double[]? _previousGrad;
    private double _t;
    private double _hDiag = 1;
    private int _iterations;

    public double LearningRate { get; init; } = 1;

    public int MaxIter { get; init; } = 20;

    public int MaxEval { get; init; } = 25;

    public double ToleranceGrad { get; init; } = 1e-7;

    public double ToleranceChange { get; init; } = 1e-9;

    public int HistorySize { get; init; } = 100;

    public LbfgsLineSearch LineSearch { get; init; } = LbfgsLineSearch.None;

    /// <summary>One optimiser step (up to <see cref="MaxIter"/> inner iterations) on <paramref name="x"/>, in place; returns the objective at the start.</summary>
    /// <param name="x">The point, updated in place.</param>
    /// <param name="objective">Evaluates the objective at a point and writes its gradient into the second argument.</param>
    public double Step(double[] x, Func<double[], double[], double> objective)
    {
        int n = x.Length;
        var grad = new double[n];
        double loss = objective(x, grad);
        double origLoss = loss;
        int evals = 1;
        if (!double.IsFinite(loss) || MaxAbs(grad) <= ToleranceGrad)
        {
            return origLoss;
        }

        int iter = 0;
        while (iter < MaxIter)
        {
            iter++;
            _iterations++;
            if (_iterations == 1)
            {
                _direction = grad.Select(g => -g).ToArray();
                _hDiag = 1;
            }
            else
            {
                var y = new double[n];
                var s = new double[n];
                for (int i = 0; i < n; i++)
                {
                    y[i] = grad[i] - _previousGrad![i];
                    s[i] = _direction![i] * _t;
                }

                double ys = Dot(y, s);
                if (ys > 1e-10)
                {
                    if (_s.Count == HistorySize)
                    {
                        _s.RemoveAt(0);
                        _y.RemoveAt(0);
                        _rho.RemoveAt(0);
                    }

                    _s.Add(s);
                    _y.Add(y);
                    _rho.Add(1 / ys);
                    _hDiag = ys / Dot(y, y);
                }

                _direction = TwoLoop(grad);
            }

            _previousGrad = (double[])grad.Clone();
            double prevLoss = loss;
            _t = _iterations == 1 ? Math.Min(1, 1 / SumAbs(grad)) * LearningRate : LearningRate;
            double gtd = Dot(grad, _direction!);
            if (gtd > -ToleranceChange)
            {
                break;
            }

            if (LineSearch == LbfgsLineSearch.StrongWolfe)
            {
                var found = StrongWolfeLineSearch.Search(x, loss, grad, _direction!, _t, objective, toleranceChange: ToleranceChange);
                evals += found.Evaluations;
                if (found.Step == 0)
                {
                    // No step along this direction decreased the loss: the point stays.
                    break;
                }

                _t = found.Step;
                for (int i = 0; i < n; i++)
                {
                    x[i] += _t * _direction![i];
                }

                loss = found.Value;
                Array.Copy(found.Gradient, grad, n);
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    x[i] += _t * _direction![i];
                }

                if (iter != MaxIter)
                {
                    loss = objective(x, grad);
                    evals++;
                }
            }

            if (iter == MaxIter || evals >= MaxEval || !double.IsFinite(loss))
            {
                break;
            }

            if (MaxAbs(grad) <= ToleranceGrad || MaxAbs(_direction!) * _t <= ToleranceChange || Math.Abs(loss - prevLoss) < ToleranceChange)
            {
                break;
            }
        }

        return origLoss;
    }

    private double[] TwoLoop(double[] grad)
    {
        int k = _s.Count;
        var q = grad.Select(g => -g).ToArray();
        var alpha = new double[k];
        for (int i = k - 1; i >= 0; i--)
        {
            alpha[i] = Dot(_s[i], q) * _rho[i];
            Axpy(-alpha[i], _y[i], q);
        }

        for (int j = 0; j < q.Length; j++)
        {
            q[j] *= _hDiag;
        }

        for (int i = 0; i < k; i++)
        {
            double beta = Dot(_y[i], q) * _rho[i];
            Axpy(alpha[i] - beta, _s[i], q);
        }

        return q;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double MaxAbs(double[] v) => v.Length == 0 ? 0 : v.Max(Math.Abs);

    private static double SumAbs(double[] v) => v.Sum(Math.Abs);
}
