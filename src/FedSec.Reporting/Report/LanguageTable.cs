namespace FedSec.Reporting.Report;

/// <summary>
/// The final quality of a facet's language-model runs, one row per (attack, defense) cell: next-token accuracy (%), test
/// loss (nats per token) and perplexity, and the attack success rate when the cell's runs report one; mean ± std over
/// seeds. A diverged run counts with its last round's values (marked †).
/// </summary>
internal static class LanguageTable
{
    public static ReportTable? For(Facet facet, ResultIndex index, string id)
    {
        var cells = LanguageCells.Of(facet, index);
        if (cells.Count == 0)
        {
            return null;
        }

        bool asr = cells.Any(c => c.Runs.Any(r => index.FinalMetric(r, ResultIndex.AttackSuccessRate) is not null));
        var marks = new DivergenceMarks();
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var (attack, defense, _, label, runs) in cells)
        {
            string mark = marks.Mark(defense, attack, runs);
            string Stat(IEnumerable<double?> values, double scale, int decimals) =>
                MeanStd.Of(values.OfType<double>().Where(v => !double.IsNaN(v))) is { } s ? s.Format(scale, decimals) + mark : "–";
            var row = new List<ReportCell>
            {
                label,
                Stat(runs.Select(r => r.FinalAccuracy), 100, 2),
                Stat(runs.Select(r => r.FinalLoss), 1, 3),
                Stat(runs.Select(r => r.FinalPerplexity), 1, 1),
            };
            if (asr)
            {
                row.Add(Stat(runs.Select(r => index.FinalMetric(r, ResultIndex.AttackSuccessRate)), 100, 2));
            }

            row.Add(runs.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            rows.Add(row);
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        string[] header = ["attack, defense", "next-token accuracy (%)", "test loss", "perplexity", .. asr ? new[] { "attack success rate (%)" } : [], "runs"];
        return new ReportTable(
            id,
            $"Final test loss and perplexity (language model){suffix}",
            "The last evaluated round of each run: top-1 next-token accuracy, mean next-token cross-entropy (nats per token) and perplexity exp(loss) on the held-out text" + (asr ? ", and the text backdoor's attack success rate (triggered test prompts whose greedy continuation is the target)" : string.Empty) + "; mean ± standard deviation over seeds.",
            header,
            rows,
            marks.Footnotes());
    }
}
