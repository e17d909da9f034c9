using System.Text;

namespace FedSec.Reporting.Report;

/// <summary>The report's tables as Markdown (GitHub pipe tables), with links to the PNG plots.</summary>
internal static class MarkdownReport
{
    public static string Write(string title, string summary, IReadOnlyList<FacetSection> sections)
    {
        var b = new StringBuilder();
        b.Append("# ").Append(title).Append("\n\n").Append(summary).Append('\n');
        foreach (var section in sections)
        {
            if (sections.Count > 1 || section.Facet.Label.Length > 0)
            {
                b.Append("\n## ").Append(section.Facet.Label.Length == 0 ? "All runs" : section.Facet.Label).Append('\n');
            }

            foreach (var table in section.Tables)
            {
                b.Append("\n### ").Append(table.Title).Append("\n\n").Append(table.Note).Append("\n\n");
                Row(b, table.Header);
                Row(b, table.Header.Select((_, i) => i == 0 ? ":---" : "---:").ToArray());
                foreach (var row in table.Rows)
                {
                    Row(b, row.Select(c => c.Text).ToArray());
                }

                if (table.Footnotes is { Count: > 0 } footnotes)
                {
                    b.Append('\n').AppendJoin("\\\n", footnotes).Append('\n');
                }
            }

            if (section.Figures.Count > 0)
            {
                b.Append('\n');
                foreach (var figure in section.Figures)
                {
                    b.Append("![").Append(Cell(figure.Caption)).Append("](plots/").Append(figure.Name).Append(".png)\n\n");
                }
            }
        }

        return b.ToString();
    }

    private static void Row(StringBuilder b, IReadOnlyList<string> cells) => b.Append("| ").Append(string.Join(" | ", cells.Select(Cell))).Append(" |\n");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
