using System.Globalization;

namespace FedSec.Reporting.Report;

/// <summary>
/// Orders facets by their axes' values, axis by axis: numbers by value (epsilon 2 before 16), other values ordinally, so a
/// sweep over a numeric axis reads in order.
/// </summary>
internal sealed class AxisValuesComparer : IComparer<IReadOnlyList<KeyValuePair<string, string>>>
{
    public static AxisValuesComparer Instance { get; } = new();

    public int Compare(IReadOnlyList<KeyValuePair<string, string>>? x, IReadOnlyList<KeyValuePair<string, string>>? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            int c = string.CompareOrdinal(x[i].Key, y[i].Key);
            if (c == 0)
            {
                c = CompareValues(x[i].Value, y[i].Value);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static int CompareValues(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double da)
        && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out double db)
        && da.CompareTo(db) is var c && c != 0
            ? c
            : string.CompareOrdinal(a, b);
}
