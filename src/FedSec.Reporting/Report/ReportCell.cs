namespace FedSec.Reporting.Report;

/// <summary>A table cell: its text (Markdown and HTML), and optionally richer HTML (e.g. an inline image).</summary>
internal sealed record ReportCell(string Text, string? Html = null)
{
    public static implicit operator ReportCell(string text) => new(text);
}
