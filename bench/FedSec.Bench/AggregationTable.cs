using System.Globalization;
using BenchmarkDotNet.Reports;

namespace FedSec.Bench;

/// <summary>
/// The aggregation grid as Markdown tables for docs/performance.md: median wall times and median CPU times, each rule's
/// time over FedAvg's and over the floor's (one read of the matrix) of the same (n, d), and over torch's X·Xᵀ for the
/// distance-based rules, with the targets: FedAvg within 1.5× of the floor, coordinate median and trimmed mean within
/// 4× of the floor; and the earlier ones, the coordinate rules and clipping within 4× of FedAvg, Krum within 2× of
/// X·Xᵀ. A ✗ marks a missed target. Medians, not means: on a shared machine one slow iteration moves a mean.
/// </summary>
internal static class AggregationTable
{
    private const string Floor = nameof(AggregationBenchmark.ReadOnce);
    private const string FedAvg = nameof(AggregationBenchmark.FedAvg);
    private const string Gram = nameof(AggregationBenchmark.TorchGram);

    private static readonly Row[] Rows =
    [
        new(FedAvg, "FedAvg (weighted mean)", (Floor, 1.5)),
        new(nameof(AggregationBenchmark.FedAvgReused), "FedAvg into a reused vector", (Floor, 1.5)),
        new(Floor, "read every update once (floor)"),
        new(nameof(AggregationBenchmark.TorchMean), "torch mean"),
        new(Gram, "torch X·Xᵀ"),
        new(nameof(AggregationBenchmark.Copy), "copy of every update"),
        new(nameof(AggregationBenchmark.CopyIntoRoundBuffers), "copy into round buffers"),
        new(nameof(AggregationBenchmark.Krum), "Krum", (Gram, 2)),
        new(nameof(AggregationBenchmark.Median), "coordinate median", (Floor, 4), (FedAvg, 4)),
        new(nameof(AggregationBenchmark.TrimmedMean), "trimmed mean β = 0.1", (Floor, 4), (FedAvg, 4)),
        new(nameof(AggregationBenchmark.Clipping), "norm-diff clipping", (FedAvg, 4)),
        new(nameof(AggregationBenchmark.ClippingFreshArrays), "norm-diff clipping, fresh arrays"),
        new(nameof(AggregationBenchmark.CenteredClipping), "centered clipping"),
        new(nameof(AggregationBenchmark.Rfa), "RFA (geometric median)"),
        new(nameof(AggregationBenchmark.Bulyan), "Bulyan"),
        new(nameof(AggregationBenchmark.Alie), "ALIE (attack)"),
        new(nameof(AggregationBenchmark.Ipm), "IPM (attack)"),
        new(nameof(AggregationBenchmark.Rflbat), "RFLBAT"),
        new(nameof(AggregationBenchmark.Lasa), "LASA"),
        new(nameof(AggregationBenchmark.AurorAll), "Auror, every coordinate"),
        new(nameof(AggregationBenchmark.OptimalIpm), "optimal IPM against FedAvg (attack)"),
    ];

    public static void Print(Summary summary)
    {
        var cases = summary.Reports
            .Where(r => r.ResultStatistics is not null && r.BenchmarkCase.Descriptor.Type == typeof(AggregationBenchmark))
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
        Ratios("Median wall time over FedAvg's / over the floor's", wall);
        GramRatios("Median wall time over torch X·Xᵀ's", wall);
        Times("Median CPU time, both cores summed (ms)", cpu);
        Ratios("Median CPU time over FedAvg's / over the floor's", cpu);

        void Times(string title, Dictionary<(string, int, int), double> times)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}:");
            Console.WriteLine($"| rule | {header}");
            Console.WriteLine($"|---|{align}");
            foreach (var row in Rows)
            {
                var cells = grid.Select(g => times.TryGetValue((row.Method, g.N, g.D), out var t) ? F(t, t < 100 ? "F1" : "F0") : "–");
                Console.WriteLine($"| {row.Label} | {string.Join(" | ", cells)} |");
            }
        }

        void Ratios(string title, Dictionary<(string, int, int), double> times)
        {
            Console.WriteLine();
            Console.WriteLine($"{title} (✗ marks a missed target):");
            Console.WriteLine($"| rule | targets | {header}");
            Console.WriteLine($"|---|---|{align}");
            foreach (var row in Rows.Where(r => r.Method != Floor))
            {
                var cells = grid.Select(g =>
                {
                    double? Over(string reference) =>
                        times.TryGetValue((row.Method, g.N, g.D), out var t) && times.TryGetValue((reference, g.N, g.D), out var r) ? t / r : null;
                    if (Over(FedAvg) is not { } vsAverage || Over(Floor) is not { } vsFloor)
                    {
                        return "–";
                    }

                    bool missed = row.Targets.Any(target => Over(target.Reference) is { } ratio && ratio > target.Limit);
                    return $"{F(vsAverage, "F2")} / {F(vsFloor, "F2")}{(missed ? " ✗" : "")}";
                });
                Console.WriteLine($"| {row.Label} | {Targets(row)} | {string.Join(" | ", cells)} |");
            }
        }

        void GramRatios(string title, Dictionary<(string, int, int), double> times)
        {
            Console.WriteLine();
            Console.WriteLine($"{title}:");
            Console.WriteLine($"| rule | targets | {header}");
            Console.WriteLine($"|---|---|{align}");
            foreach (var row in Rows.Where(r => r.Method is nameof(AggregationBenchmark.Krum) or nameof(AggregationBenchmark.Bulyan)))
            {
                var cells = grid.Select(g =>
                    times.TryGetValue((row.Method, g.N, g.D), out var t) && times.TryGetValue((Gram, g.N, g.D), out var r)
                        ? F(t / r, "F2") + (row.Targets.Any(x => x.Reference == Gram && t / r > x.Limit) ? " ✗" : "")
                        : "–");
                Console.WriteLine($"| {row.Label} | {Targets(row)} | {string.Join(" | ", cells)} |");
            }
        }
    }

    private static string Targets(Row row) => string.Join(", ", row.Targets.Select(t => $"≤ {F(t.Limit, "0.#")}× {Name(t.Reference)}"));

    private static string Name(string method) => method switch
    {
        Floor => "floor",
        FedAvg => "FedAvg",
        Gram => "X·Xᵀ",
        _ => method,
    };

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record Row(string Method, string Label, params (string Reference, double Limit)[] Targets);
}
