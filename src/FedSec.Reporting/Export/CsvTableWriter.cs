using System.Globalization;
using System.Text;

namespace FedSec.Reporting.Export;

/// <summary>Writes a table as CSV (RFC 4180 quoting, header row, invariant culture, '\n' line ends, missing = empty).</summary>
internal static class CsvTableWriter
{
    public static void Write(ExportTable table, string path)
    {
        var b = new StringBuilder();
        b.AppendJoin(',', table.Columns.Select(c => Quote(c.Name))).Append('\n');
        for (int row = 0; row < table.RowCount; row++)
        {
            b.AppendJoin(',', table.Columns.Select(c => Format(c.Values[row]))).Append('\n');
        }

        File.WriteAllText(path, b.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool x => x ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
