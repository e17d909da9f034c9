using System.Xml.Linq;

namespace FedSec.Reporting.Tests;

/// <summary>Reads a report page's tables back.</summary>
internal static class HtmlTables
{
    /// <summary>The table with the given id, cut out of the page (the table itself is well-formed XML), as rows of cell texts.</summary>
    public static string[][] Rows(string html, string id)
    {
        int start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no table '{id}'.");
        int end = html.IndexOf("</table>", start, StringComparison.Ordinal) + "</table>".Length;
        return XElement.Parse(html[start..end]).Descendants("tr").Select(tr => tr.Elements().Select(c => c.Value).ToArray()).ToArray();
    }
}
