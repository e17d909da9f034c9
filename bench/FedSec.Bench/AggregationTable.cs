using System.Globalization;
using BenchmarkDotNet.Reports;

namespace FedSec.Bench;

/// <summary>
/// The aggregation grid as Markdown tables for docs/performance.md: median wall times and median CPU times, and each
/// rule's time over FedAvg's and over torch's X·Xᵀ of the same (n, d), with the targets (coordinate rules and
/// clipping within 4× of FedAvg, Krum within 2× of X·Xᵀ). Medians, not means: on a shared machine one slow
/// iteration moves a mean.
/// </summary>
internal static class AggregationTable
{
    private static readonly (string Method, string Label, string Target)[] Rows =
    [
        (nameof(AggregationBenchmark.FedAvg), "FedAvg (weighted mean)", ""),
        (nameof(AggregationBenchmark.TorchGram), "torch X·Xᵀ", ""),
        (nameof(AggregationBenchmark.Copy), "copy of every update", ""),
        (nameof(AggregationBenchmark.CopyIntoRoundBuffers), "copy into round buffers", ""),
        (nameof(AggregationBenchmark.Krum), "Krum", "≤ 2× X·Xᵀ"),
        (nameof(AggregationBenchmark.Median), "coordinate median", "≤ 4× FedAvg"),
        (nameof(AggregationBenchmark.TrimmedMean), "trimmed mean β = 0.1", "≤ 4× FedAvg"),
        (nameof(AggregationBenchmark.Clipping), "norm-diff clipping", "≤ 4× FedAvg"),
        (nameof(AggregationBenchmark.ClippingFreshArrays), "norm-diff clipping, fresh arrays", ""),
        (nameof(AggregationBenchmark.Rfa), "RFA (geometric median)", ""),
        (nameof(AggregationBenchmark.Bulyan), "Bulyan", ""),
    ];

    public static void Print(Summary summary)
    {
        var cases = summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .Select(r => (N: (int)r.BenchmarkCase.Parameters["N"], D: (int)r.BenchmarkCase.Parameters["D"], Method: r.BenchmarkCase.Descriptor.WorkloadMethod.Name, Wall: r.ResultStatistics!.Median / 1e6))
            .ToArray();
        var grid = cases.Select(c => (c.N, c.D)).Distinct().OrderBy(k => k.N).ThenBy(k => k.D).ToArray();
        var wall = cases.ToDictionary(c => (c.Method, c.N, c.D), c => c.Wall);
        var cpu = cases
            .Select(c => (Key: (c.Method, c.N, c.D), Ms: CpuTimes.Median(c.Method, c.N, c.D, AggregationConfig.Iterations)))
            .Where(c => c.Ms is not null)
            .ToDictionary(c => c.Key, c => c.Ms!.Value);
        string header = string.Join(" | ", grid.Select(g => $"n = {g.N}, d = {g.D:N0}")) + " |";
        string align = string.Concat(grid.Select(_ => "---:|"));

        Times("Median wall time (ms)", wall);
        Ratios("Median wall time over FedAvg's / over X·Xᵀ's", wall);
        Times("Median CPU time, both cores summed (ms)", cpu);
        Ratios("Median CPU time over FedAvg's / over X·Xᵀ's", cpu);

        void Times(string title, Dictionary<(string, int, int), double> times)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}:");
            Console.WriteLine($"| rule | {header}");
            Console.WriteLine($"|---|{align}");
            foreach (var (method, label, _) in Rows)
            {
                var cells = grid.Select(g => times.TryGetValue((method, g.N, g.D), out var t) ? F(t, t < 100 ? "F1" : "F0") : "–");
                Console.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
            }
        }

        void Ratios(string title, Dictionary<(string, int, int), double> times)
        {
            Console.WriteLine();
            Console.WriteLine($"{title} (✗ marks a missed target):");
            Console.WriteLine($"| rule | target | {header}");
            Console.WriteLine($"|---|---|{align}");
            foreach (var (method, label, target) in Rows.Skip(2))
            {
                var cells = grid.Select(g =>
                {
                    if (!times.TryGetValue((method, g.N, g.D), out var t)
                        || !times.TryGetValue((Rows[0].Method, g.N, g.D), out var average)
                        || !times.TryGetValue((Rows[1].Method, g.N, g.D), out var gram))
                    {
                        return "–";
                    }

                    double vsAverage = t / average, vsGram = t / gram;
                    bool missed = target.EndsWith("FedAvg", StringComparison.Ordinal) ? vsAverage > 4 : target.Length > 0 && vsGram > 2;
                    return $"{F(vsAverage, "F2")} / {F(vsGram, "F2")}{(missed ? " ✗" : "")}";
                });
                Console.WriteLine($"| {label} | {target} | {string.Join(" | ", cells)} |");
            }
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
