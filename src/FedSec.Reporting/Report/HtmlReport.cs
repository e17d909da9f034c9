using System.Globalization;
using System.Text;

namespace FedSec.Reporting.Report;

/// <summary>The self-contained HTML page: inline CSS, figures as inline SVG, images as base64 PNG.</summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2em; margin-top: 2em; } h3 { margin-top: 1.5em; }
        div.table { overflow-x: auto; margin: .5em 0 1em; }
        table { border-collapse: collapse; font-size: .9em; }
        th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: right; } td { white-space: nowrap; }
        th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
        p.note { color: #555; font-size: .9em; }
        figure { margin: 1em 0 2em; } figcaption { color: #555; font-size: .9em; }
        figure svg { max-width: 100%; height: auto; }
        img.pixel { image-rendering: pixelated; }
        """;

    public static string Write(string title, string summary, IReadOnlyList<FacetSection> sections, IReadOnlyDictionary<ReportFigure, string> svgs)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(HtmlText.Escape(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        b.Append("<h1>").Append(HtmlText.Escape(title)).Append("</h1>\n<p>").Append(HtmlText.Escape(summary)).Append("</p>\n");
        foreach (var section in sections)
        {
            if (sections.Count > 1 || section.Facet.Label.Length > 0)
            {
                b.Append("<h2>").Append(HtmlText.Escape(section.Facet.Label.Length == 0 ? "All runs" : section.Facet.Label)).Append("</h2>\n");
            }

            foreach (var table in section.Tables)
            {
                Table(b, table);
            }

            foreach (var figure in section.Figures)
            {
                b.Append(CultureInfo.InvariantCulture, $"<figure id=\"{HtmlText.Escape(figure.Name)}\">\n").Append(svgs[figure]);
                b.Append("<figcaption>").Append(HtmlText.Escape(figure.Caption)).Append(CultureInfo.InvariantCulture, $" (plots/{HtmlText.Escape(figure.Name)}.png, .svg)</figcaption>\n</figure>\n");
            }
        }

        b.Append("</body>\n</html>\n");
        return b.ToString();
    }

    private static void Table(StringBuilder b, ReportTable table)
    {
        b.Append("<h3>").Append(HtmlText.Escape(table.Title)).Append("</h3>\n<p class=\"note\">").Append(HtmlText.Escape(table.Note)).Append("</p>\n");
        // A table wider than the page scrolls sideways in its own box instead of running off the page.
        b.Append(CultureInfo.InvariantCulture, $"<div class=\"table\">\n<table id=\"{HtmlText.Escape(table.Id)}\">\n<thead><tr>");
        foreach (string h in table.Header)
        {
            // A long column name may break after an underscore (label_<wbr/>flipping_<wbr/>3to9); a value never breaks.
            b.Append("<th>").Append(HtmlText.Escape(h).Replace("_", "_<wbr/>", StringComparison.Ordinal)).Append("</th>");
        }

        b.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            b.Append("<tr>");
            foreach (var cell in row)
            {
                b.Append("<td>").Append(cell.Html ?? HtmlText.Escape(cell.Text)).Append("</td>");
            }

            b.Append("</tr>\n");
        }

        b.Append("</tbody>\n</table>\n</div>\n");
        foreach (string footnote in table.Footnotes ?? [])
        {
            b.Append("<p class=\"note footnote\">").Append(HtmlText.Escape(footnote)).Append("</p>\n");
        }
    }
}
