namespace FedSec.Reporting.Report;

/// <summary>A table of the report, written both as HTML and as Markdown.</summary>
/// <param name="Id">Its HTML id (unique in the report).</param>
/// <param name="Title">Its heading.</param>
/// <param name="Note">A sentence under the heading saying how to read it.</param>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">The rows, each as long as the header.</param>
/// <param name="Footnotes">Lines under the table (e.g. which cells hold diverged runs); null for none.</param>
internal sealed record ReportTable(string Id, string Title, string Note, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<string>? Footnotes = null);
