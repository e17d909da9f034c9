using System.Text;

namespace FedSec.Reporting.Tests.Export;

/// <summary>Splits RFC 4180 CSV text into rows of fields (quoted fields may hold commas, quotes and newlines).</summary>
internal static class CsvText
{
    public static string[][] Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "The CSV text ends inside a quoted field.");
        Assert.True(field.Length == 0 && row.Count == 0, "The CSV text does not end with a line break.");
        return rows.ToArray();
    }
}
