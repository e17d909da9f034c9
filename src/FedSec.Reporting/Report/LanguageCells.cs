using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>
/// The (attack, defense) cells of a facet's language-model runs (those that store a perplexity), in report order:
/// no attack first, then by attack, each with no defense first. Each cell's name says its attack and defense; its label
/// adds the merged axes' values (Exp4's <c>setting</c>) for tables.
/// </summary>
internal static class LanguageCells
{
    /// <summary>Whether <paramref name="run"/> is a language-model run (it stored a perplexity).</summary>
    public static bool IsText(StoredRun run, ResultIndex index) => run.FinalPerplexity is not null || index.Rounds(run).Any(r => r.Perplexity is not null);

    /// <summary>The cells with their runs; empty when the facet holds no language-model run.</summary>
    public static IReadOnlyList<(string Attack, string Defense, string Name, string Label, StoredRun[] Runs)> Of(Facet facet, ResultIndex index)
    {
        var runs = facet.Runs.Where(r => IsText(r, index)).ToArray();
        var cells = new List<(string, string, string, string, StoredRun[])>();
        foreach (string attack in Facet.Attacks(runs))
        {
            foreach (string defense in Facet.Defenses(runs))
            {
                var cell = runs.Where(r => r.Attack == attack && r.Defense == defense).ToArray();
                if (cell.Length > 0)
                {
                    string merged = facet.MergedLabel(cell);
                    string name = $"{AccuracyFigures.AttackName(attack)}, {AccuracyFigures.DefenseName(defense)}";
                    cells.Add((attack, defense, name, merged.Length == 0 ? name : $"{name} ({merged})", cell));
                }
            }
        }

        return cells;
    }
}
