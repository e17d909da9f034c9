using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Report;

/// <summary>
/// The test loss per round of a facet's language-model runs (FedMLSecurity's Exp4 plots the loss, not accuracy), one
/// curve per (attack, defense) cell, mean ± std over seeds, on a y axis of the curves' own range (a loss has no fixed
/// bounds). Diverged runs are carried and marked † as in the accuracy figures.
/// </summary>
internal static class LossFigure
{
    public static ReportFigure? For(Facet facet, ResultIndex index)
    {
        var cells = LanguageCells.Of(facet, index);
        var series = cells
            .Select((c, i) => AccuracyFigures.Series(index, c.Runs, c.Name, c.Attack == Facet.None && c.Defense == Facet.None ? Palette.Benign : Palette.Series(i), r => r.Loss))
            .OfType<LineSeries>()
            .ToArray();
        if (series.Length == 0)
        {
            return null;
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        return new ReportFigure(
            facet.Slug + "loss_per_round",
            "Test loss per round (mean next-token cross-entropy on the held-out text, nats) of each attack and defense, mean ± std over seeds (cf. FedMLSecurity Exp4).",
            new LineChart($"Test loss per round{suffix}", AccuracyFigures.RoundAxis, "Test loss (nats per token)", series, null));
    }
}
