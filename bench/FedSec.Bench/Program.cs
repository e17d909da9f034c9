using BenchmarkDotNet.Running;
using FedSec.Bench;
using FedSec.Torch;
using static TorchSharp.torch;

// Options of our own (anything else goes to BenchmarkDotNet, e.g. `--filter *`):
//   --threads N              torch intra-op threads for everything below (default: torch's own choice)
//   --no-malloc-tuning       leave glibc's malloc as it is (see NativeAllocatorTuning)
//   --epoch [samples] [runs] time one cnn epoch with LocalTrainer (default 6000 samples, 3 runs after a warm-up)
//   --compare [pairs]        plain loop and LocalTrainer alternately, with the ratio of each pair (default 5)
//   --compare-lm [pairs]     the same for the causal-LM client training (GPT-NeoX + LoRA), tokens/s (default 5)
ProcessNiceness.Capture();
var rest = args.ToList();
int threadsAt = rest.IndexOf("--threads");
if (threadsAt >= 0)
{
    set_num_threads(int.Parse(rest[threadsAt + 1]));
    rest.RemoveRange(threadsAt, 2);
}

bool tune = !rest.Remove("--no-malloc-tuning");
Console.WriteLine($"torch threads: {get_num_threads()}; malloc tuning: {(tune ? (NativeAllocatorTuning.Apply() ? "applied" : "unavailable") : "off")}");

int IntArg(int index, int fallback) => rest.Count > index ? int.Parse(rest[index]) : fallback;

if (rest.Count > 0 && rest[0] == "--epoch")
{
    EpochTiming.Run(IntArg(1, 6000), IntArg(2, 3));
    return;
}

if (rest.Count > 0 && rest[0] == "--compare")
{
    InterleavedComparison.Run(IntArg(1, 5));
    return;
}

if (rest.Count > 0 && rest[0] == "--compare-lm")
{
    CausalLmComparison.Run(IntArg(1, 5));
    return;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(LocalTrainingBenchmark).Assembly).Run([.. rest]);
foreach (var summary in summaries)
{
    var reports = summary.Reports.Where(r => r.ResultStatistics is not null).ToArray();
    foreach (var report in reports)
    {
        // One baseline per parameter set (the aggregation grid has six).
        var baseline = reports.FirstOrDefault(r => summary.IsBaseline(r.BenchmarkCase)
            && r.BenchmarkCase.Parameters.ValueInfo == report.BenchmarkCase.Parameters.ValueInfo);
        double seconds = report.ResultStatistics!.Mean / 1e9;
        string ratio = baseline is null ? "" : $", {report.ResultStatistics.Mean / baseline.ResultStatistics!.Mean:F3} × baseline";
        string throughput = summary.Title.Contains(nameof(LocalTrainingBenchmark), StringComparison.Ordinal)
            ? $", {LocalTrainingBenchmark.Samples / seconds:F0} samples/s"
            : summary.Title.Contains(nameof(CausalLmTrainingBenchmark), StringComparison.Ordinal)
                ? $", {CausalLmTrainingBenchmark.TokensPerInvocation / seconds:F0} tokens/s"
                : "";
        string parameters = report.BenchmarkCase.HasParameters ? $" [{report.BenchmarkCase.Parameters.DisplayInfo}]" : "";
        Console.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}{parameters}: {seconds:F3} s{throughput}{ratio}");
    }

    // By type, not by title: "SecureAggregationBenchmark" contains "AggregationBenchmark", and its cases have no N and D.
    if (summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(AggregationBenchmark)))
    {
        AggregationTable.Print(summary);
    }
}
