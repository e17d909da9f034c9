using System.Globalization;

namespace FedSec.Reporting.Plots;

/// <summary>Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten). Pure.</summary>
internal static class NiceTicks
{
    /// <summary>The smallest nice step that puts at most <paramref name="maxTicks"/> intervals over <paramref name="span"/>.</summary>
    public static double Step(double span, int maxTicks, bool integer = false)
    {
        if (!(span > 0))
        {
            return 1;
        }

        double raw = span / maxTicks;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in new[] { 1, 2, 2.5, 5, 10 })
        {
            double step = m * power;
            if (step >= raw * (1 - 1e-9) && (!integer || step >= 1) && (!integer || Math.Abs(step - Math.Round(step)) < 1e-9))
            {
                return step;
            }
        }

        return integer ? Math.Max(1, Math.Ceiling(raw)) : 10 * power;
    }

    /// <summary>Multiples of <paramref name="step"/> within [min, max] (inclusive, with a tolerance for rounding).</summary>
    public static IReadOnlyList<double> Within(double min, double max, double step)
    {
        var ticks = new List<double>();
        double first = Math.Ceiling((min / step) - 1e-9) * step;
        for (double t = first; t <= max + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    /// <summary>A tick label with as many decimals as the step needs.</summary>
    public static string Label(double value, double step)
    {
        int decimals = 0;
        while (decimals < 6 && Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
