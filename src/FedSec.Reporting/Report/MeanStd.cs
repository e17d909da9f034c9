using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>The mean of values over seeds and their sample standard deviation (n − 1; none for a single value). Pure.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The sample standard deviation, or null for one value.</param>
/// <param name="Count">How many values.</param>
internal readonly record struct MeanStd(double Mean, double? Std, int Count)
{
    /// <summary>The statistics of <paramref name="values"/>; null when there are none.</summary>
    public static MeanStd? Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0)
        {
            return null;
        }

        double mean = v.Average();
        double? std = v.Length < 2 ? null : Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
        return new MeanStd(mean, std, v.Length);
    }

    /// <summary>
    /// "mean ± std → mean ± std" in percent with one decimal: a backdoor's attack success rate at the attack's last round
    /// and k rounds later, over seeds (the durability tables' cells). Both sequences must hold values.
    /// </summary>
    public static string StopToEnd<T>(IReadOnlyCollection<T> cell, Func<T, double> atStop, Func<T, double> atEnd) =>
        $"{Of(cell.Select(atStop))!.Value.Format(100, 1)} → {Of(cell.Select(atEnd))!.Value.Format(100, 1)}";

    /// <summary>"mean ± std" (just "mean" for one value), both multiplied by <paramref name="scale"/>, fixed decimals.</summary>
    public string Format(double scale, int decimals)
    {
        string f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        string mean = (Mean * scale).ToString(f, CultureInfo.InvariantCulture);
        return Std is { } s ? $"{mean} ± {(s * scale).ToString(f, CultureInfo.InvariantCulture)}" : mean;
    }
}
