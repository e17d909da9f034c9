using System.Text;

namespace FedSec.Reporting.Report;

/// <summary>Escapes text for HTML (only &amp;, &lt;, &gt; and quotes: the page is UTF-8, so ± stays readable).</summary>
internal static class HtmlText
{
    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            b.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return b.ToString();
    }
}
