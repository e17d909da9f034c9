using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Report;

/// <summary>A figure of the report: its file stem under <c>plots/</c>, its caption and the figure itself.</summary>
internal sealed record ReportFigure(string Name, string Caption, IFigure Figure);
