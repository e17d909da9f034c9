namespace FedSec.Privacy.Accounting;

/// <summary>The checks of the accountant's inputs; each failure names the argument and says what is allowed.</summary>
internal static class PrivacyArguments
{
    public static void CheckNoiseMultiplier(double z, string name)
    {
        if (!(z > 0) || !double.IsFinite(z))
        {
            throw new ArgumentOutOfRangeException(name, z, $"The noise multiplier must be a finite number > 0; got {z}.");
        }
    }

    public static void CheckSampleRate(double q, string name)
    {
        if (!(q > 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(name, q, $"The sample rate must be in (0, 1]; got {q}.");
        }
    }

    public static void CheckDelta(double delta, string name)
    {
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(name, delta, $"δ must be in (0, 1); got {delta}.");
        }
    }

    public static void CheckEpsilon(double epsilon, string name)
    {
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(name, epsilon, $"ε must be a finite number > 0; got {epsilon}.");
        }
    }

    public static void CheckOrder(double order, string name)
    {
        if (!(order > 1))
        {
            throw new ArgumentOutOfRangeException(name, order, $"An RDP order must be > 1; got {order}.");
        }
    }

    public static void CheckSteps(long steps, string name)
    {
        if (steps < 0)
        {
            throw new ArgumentOutOfRangeException(name, steps, $"The number of steps must be ≥ 0; got {steps}.");
        }
    }
}
