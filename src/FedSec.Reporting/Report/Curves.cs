using FedSec.Reporting.Plots;
using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>Per-round curves over seeds: at each round the mean and std of the runs that have a value there. Pure.</summary>
internal static class Curves
{
    /// <summary>One point per round (x = round + 1, so the last round of an R-round run is R).</summary>
    public static IReadOnlyList<SeriesPoint> Of(IEnumerable<IEnumerable<StoredRound>> runs, Func<StoredRound, double?> value) => runs
        .SelectMany(rounds => rounds.Select(r => (r.Round, Value: value(r))))
        .Where(p => p.Value is { } v && !double.IsNaN(v))
        .GroupBy(p => p.Round)
        .OrderBy(g => g.Key)
        .Select(g =>
        {
            var s = MeanStd.Of(g.Select(p => p.Value!.Value))!.Value;
            return new SeriesPoint(g.Key + 1, s.Mean, s.Std);
        })
        .ToArray();
}
