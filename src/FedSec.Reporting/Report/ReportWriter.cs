using System.Globalization;
using FedSec.Reporting.Plots;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// <c>fedsec report</c>: reads an output directory's <c>results.db</c> and writes <c>report.html</c> (self-contained),
/// <c>report.md</c> (the same tables) and every figure as <c>plots/NAME.svg</c> and <c>plots/NAME.png</c>.
/// </summary>
internal static class ReportWriter
{
    /// <summary>PNG pixels per SVG unit: the PNGs are twice the SVGs' nominal size, sharp enough for print.</summary>
    public const int PngScale = 2;

    /// <summary>
    /// Writes the report of <paramref name="outputDirectory"/>'s runs (those <paramref name="filter"/> keeps) into
    /// <paramref name="toDirectory"/> (default OUTPUT/report) and returns the files written; <paramref name="warn"/>
    /// hears what makes the numbers misleading (cells holding runs of different configurations). With
    /// <paramref name="controlDirectory"/> (the backdoors' control runs, <see cref="ControlRuns"/>), each facet also
    /// shows its backdoor runs net of their controls, and the controls.
    /// </summary>
    public static IReadOnlyList<string> Write(string outputDirectory, string? toDirectory = null, RunFilter? filter = null, Action<string>? warn = null, string? controlDirectory = null)
    {
        filter ??= RunFilter.All;
        string dbPath = Path.Combine(outputDirectory, ResultsDatabase.FileName);
        if (!File.Exists(dbPath))
        {
            throw new FileNotFoundException($"{dbPath} does not exist; 'fedsec report' reads the results database that 'fedsec bench' writes into its output directory.", dbPath);
        }

        var results = filter.Apply(ResultsDatabase.ReadSnapshot(dbPath));

        if (results.Runs.Count == 0)
        {
            throw new InvalidDataException($"{dbPath} holds no finished run yet; there is nothing to report.");
        }

        var controls = controlDirectory is null ? null : ControlRuns.Load(controlDirectory);
        string? shared = SharedCellNote.Warning(results.Runs);
        if (shared is not null)
        {
            warn?.Invoke(shared);
        }

        string to = toDirectory ?? Path.Combine(outputDirectory, "report");
        string plots = Path.Combine(to, "plots");
        Directory.CreateDirectory(plots);
        foreach (string stale in Directory.EnumerateFiles(plots).Where(f => f.EndsWith(".svg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal)))
        {
            File.Delete(stale);
        }

        var index = new ResultIndex(results, outputDirectory);
        var facets = Facet.Split(results.Runs);
        var sections = facets.Select((f, i) => FacetSection.Build(f, index, i + 1, controls)).ToArray();
        if (controls is not null && sections.Sum(s => s.PairedWithControls) == 0)
        {
            warn?.Invoke($"--control {controls.Source}: none of its {controls.Count} run(s) pairs with a backdoor run of this report that stops attacking before its last round (a control run has the backdoor run's grid axes, its defense or none, and the ASR evaluated at the same rounds); the report has no control tables.");
        }

        if (WorstCaseSection.For(facets, results.Runs, index.RoundsByRun()) is { } worstCase)
        {
            sections = [worstCase, .. sections];
        }

        var written = new List<string>();
        var svgs = new Dictionary<ReportFigure, string>();
        foreach (var figure in sections.SelectMany(s => s.Figures))
        {
            string svg = FigureRenderer.Svg(figure.Figure, figure.Name);
            svgs[figure] = svg;
            written.Add(WriteFile(Path.Combine(plots, figure.Name + ".svg"), svg));
            string png = Path.Combine(plots, figure.Name + ".png");
            File.WriteAllBytes(png, FigureRenderer.Png(figure.Figure, PngScale));
            written.Add(png);
        }

        string title = $"FedSec results: {Path.GetFileName(Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar))}";
        string summary = Summary(results, facets.Count, shared) + (filter.IsEmpty ? string.Empty : $" Only the runs with {filter}.")
            + (controls is null ? string.Empty : $" Backdoor runs paired with the {controls.Count} control run(s) in {controls.Source}.");
        written.Add(WriteFile(Path.Combine(to, "report.html"), HtmlReport.Write(title, summary, sections, svgs)));
        written.Add(WriteFile(Path.Combine(to, "report.md"), MarkdownReport.Write(title, summary, sections)));
        return written;
    }

    private static string Summary(StoredResults results, int facets, string? shared)
    {
        var runs = results.Runs;
        string Count(string axis) => runs.Select(r => r.Axes[axis]).Distinct(StringComparer.Ordinal).Count().ToString(CultureInfo.InvariantCulture);
        string data = string.Join(", ", runs.Select(r => $"{r.Dataset}/{r.Model}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        int diverged = runs.Count(r => r.Status == FedSec.Simulation.RunStatus.Diverged);
        string divergedText = diverged == 0 ? string.Empty : $", {diverged} of them diverged (model became non-finite; counted with their last round, marked †)";
        return $"{runs.Count} finished runs ({data}){divergedText}: {Count("attack")} attack setting(s) × {Count("defense")} defense setting(s) × {Count("seed")} seed(s)"
            + $"{(facets > 1 ? $", in {facets} facets" : string.Empty)}. Accuracies are on the test set; ± is the sample standard deviation over seeds."
            + DataFingerprintNote.For(runs)
            + BuildNote.For(runs)
            + (shared is null ? string.Empty : " WARNING: " + shared);
    }

    private static string WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}
