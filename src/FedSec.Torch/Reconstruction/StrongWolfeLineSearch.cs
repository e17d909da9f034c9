namespace FedSec.Torch.Reconstruction;

/// <summary>
/// A line search for a step length t along a descent direction d satisfying the strong Wolfe conditions (Nocedal and
/// Wright, "Numerical Optimization", 2nd ed., algorithms 3.5 and 3.6): sufficient decrease
/// f(x + t d) ≤ f(x) + c₁ t ∇f(x)·d and curvature |∇f(x + t d)·d| ≤ c₂ |∇f(x)·d|. The bracketing phase extrapolates
/// (cubic interpolation, at most 10× the step) until the conditions hold or an interval containing such a step is
/// found; the zoom phase shrinks that interval by safeguarded cubic interpolation. A non-finite value counts as failing
/// sufficient decrease, so a step into overflow is shortened, never taken. The curvature condition makes
/// (∇f(x + t d) − ∇f(x))·d positive, which keeps L-BFGS's inverse Hessian approximation positive definite. Pure.
/// </summary>
internal static class StrongWolfeLineSearch
{
    /// <summary>The accepted step: its length, value and gradient, and the evaluations spent.</summary>
    /// <param name="Step">The step length t (0 when no step decreased the objective).</param>
    /// <param name="Value">f(x + t d).</param>
    /// <param name="Gradient">∇f(x + t d).</param>
    /// <param name="Evaluations">Objective evaluations used.</param>
    public sealed record Result(double Step, double Value, double[] Gradient, int Evaluations);

    /// <summary>Searches along <paramref name="direction"/> from <paramref name="x"/>, starting with step <paramref name="initialStep"/>.</summary>
    /// <param name="x">The current point (not changed).</param>
    /// <param name="value">f(x).</param>
    /// <param name="gradient">∇f(x).</param>
    /// <param name="direction">A descent direction: ∇f(x)·d &lt; 0.</param>
    /// <param name="initialStep">The first trial step.</param>
    /// <param name="objective">Evaluates f at a point and writes ∇f into the second argument.</param>
    /// <param name="c1">Sufficient-decrease constant.</param>
    /// <param name="c2">Curvature constant, c₁ &lt; c₂ &lt; 1.</param>
    /// <param name="toleranceChange">Stop zooming once the interval moves the point by less than this (largest coordinate).</param>
    /// <param name="maxEvaluations">At most this many evaluations.</param>
    public static Result Search(
        double[] x,
        double value,
        double[] gradient,
        double[] direction,
        double initialStep,
        Func<double[], double[], double> objective,
        double c1 = 1e-4,
        double c2 = 0.9,
        double toleranceChange = 1e-9,
        int maxEvaluations = 25)
    {
        int n = x.Length;
        double slope0 = Dot(gradient, direction);
        if (!(slope0 < 0))
        {
            throw new ArgumentException($"The direction is not a descent direction (∇f·d = {slope0}).", nameof(direction));
        }

        double dMax = direction.Max(Math.Abs);
        var trial = new double[n];
        int evaluations = 0;
        (double F, double[] G, double Slope) Evaluate(double t)
        {
            for (int i = 0; i < n; i++)
            {
                trial[i] = x[i] + (t * direction[i]);
            }

            var g = new double[n];
            double f = objective(trial, g);
            evaluations++;
            return (f, g, Dot(g, direction));
        }

        // Bracketing phase (algorithm 3.5): the previous trial starts at t = 0.
        var previous = new Trial(0, value, gradient, slope0);
        double step = initialStep;
        Trial low;
        Trial high;
        while (true)
        {
            var (f, g, slope) = Evaluate(step);
            var current = new Trial(step, f, g, slope);
            if (!double.IsFinite(f) || f > value + (c1 * step * slope0) || (evaluations > 1 && f >= previous.Value))
            {
                (low, high) = (previous, current);
                break;
            }

            if (Math.Abs(slope) <= -c2 * slope0)
            {
                return new Result(step, f, g, evaluations);
            }

            if (slope >= 0)
            {
                (low, high) = (current, previous);
                break;
            }

            if (evaluations >= maxEvaluations)
            {
                return new Result(step, f, g, evaluations);
            }

            // Extrapolate: the cubic's minimiser, at least 1 % beyond the current step, at most 10× it.
            double next = CubicMinimizer(previous, current, step + (0.01 * (step - previous.Step)), step * 10);
            previous = current;
            step = next;
        }

        // Zoom phase (algorithm 3.6): low satisfies sufficient decrease and has the lowest value so far; the interval
        // between low and high contains steps satisfying the strong Wolfe conditions.
        while (evaluations < maxEvaluations && Math.Abs(high.Step - low.Step) * dMax >= toleranceChange)
        {
            double a = Math.Min(low.Step, high.Step);
            double b = Math.Max(low.Step, high.Step);
            double t = double.IsFinite(high.Value) ? CubicMinimizer(low, high, a, b) : (a + b) / 2;

            // Safeguard: a trial too close to either end makes little progress; move it a tenth of the way in.
            double margin = 0.1 * (b - a);
            if (t - a < margin || b - t < margin)
            {
                t = Math.Abs(t - a) < Math.Abs(b - t) ? a + margin : b - margin;
            }

            var (f, g, slope) = Evaluate(t);
            var current = new Trial(t, f, g, slope);
            if (!double.IsFinite(f) || f > value + (c1 * t * slope0) || f >= low.Value)
            {
                high = current;
                continue;
            }

            if (Math.Abs(slope) <= -c2 * slope0)
            {
                return new Result(t, f, g, evaluations);
            }

            if (slope * (high.Step - low.Step) >= 0)
            {
                high = low;
            }

            low = current;
        }

        // Out of evaluations or interval: the best point found (t = 0, no move, when nothing decreased f).
        return new Result(low.Step, low.Value, low.Gradient, evaluations);
    }

    /// <summary>
    /// The minimiser of the cubic matching value and slope at two steps (Nocedal and Wright, eq. 3.59), clamped to
    /// [<paramref name="lower"/>, <paramref name="upper"/>]; the interval's midpoint when the cubic has no minimiser.
    /// </summary>
    private static double CubicMinimizer(Trial p, Trial q, double lower, double upper)
    {
        double d1 = p.Slope + q.Slope - (3 * (p.Value - q.Value) / (p.Step - q.Step));
        double square = (d1 * d1) - (p.Slope * q.Slope);
        if (square >= 0 && double.IsFinite(square))
        {
            double d2 = Math.Sign(q.Step - p.Step) * Math.Sqrt(square);
            double t = q.Step - ((q.Step - p.Step) * ((q.Slope + d2 - d1) / (q.Slope - p.Slope + (2 * d2))));
            if (double.IsFinite(t))
            {
                return Math.Clamp(t, lower, upper);
            }
        }

        return (lower + upper) / 2;
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

    private readonly record struct Trial(double Step, double Value, double[] Gradient, double Slope);
}
