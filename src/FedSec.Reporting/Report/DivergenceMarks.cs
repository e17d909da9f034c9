using System.Globalization;
using FedSec.Results.Database;
using FedSec.Simulation;

namespace FedSec.Reporting.Report;

/// <summary>
/// Marks the table cells whose runs include diverged ones (their model became non-finite; they count with the
/// accuracy of their last round) with a dagger, and collects one footnote per marked cell: "k of n seeds diverged".
/// </summary>
internal sealed class DivergenceMarks
{
    /// <summary>Appended to a marked cell's text.</summary>
    public const string Dagger = " †";

    private readonly List<string> _cells = new();

    /// <summary>The dagger when any of <paramref name="runs"/> diverged (recording the cell's footnote), else empty.</summary>
    public string Mark(string defense, string attack, IReadOnlyCollection<StoredRun> runs)
    {
        var diverged = runs.Where(r => r.Status == RunStatus.Diverged).ToArray();
        if (diverged.Length == 0)
        {
            return string.Empty;
        }

        var rounds = diverged.Select(r => r.Diverged?.Round).OfType<int>().Order().Select(r => (r + 1).ToString(CultureInfo.InvariantCulture)).ToArray();
        string where = rounds.Length == 0 ? string.Empty : $" (in round{(rounds.Length > 1 ? "s" : string.Empty)} {string.Join(", ", rounds)})";
        _cells.Add(string.Create(CultureInfo.InvariantCulture, $"{defense} × {attack}: {diverged.Length} of {runs.Count} seeds diverged{where}."));
        return Dagger;
    }

    /// <summary>The table's footnotes: an explanation and one line per marked cell; empty when no cell is marked.</summary>
    public IReadOnlyList<string> Footnotes()
    {
        if (_cells.Count == 0)
        {
            return Array.Empty<string>();
        }

        return new[] { "† Some runs of the cell diverged: a client's local training or the aggregation made the model non-finite, and the run stopped. They count in the mean with the value measured in their last round, on the diverged model." }
            .Concat(_cells.Distinct(StringComparer.Ordinal))
            .ToArray();
    }
}
