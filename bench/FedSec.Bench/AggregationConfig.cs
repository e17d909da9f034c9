using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FedSec.Bench;

/// <summary>
/// A short in-process job for the aggregation grid: two warm-up and nine measured invocations per case (each
/// invocation aggregates the whole matrix once, milliseconds to seconds), so the 102 cases fit in about ten minutes on
/// two cores when nothing else runs. Adds the ratio to torch's X·Xᵀ next to BenchmarkDotNet's ratio to the FedAvg baseline.
/// </summary>
public sealed class AggregationConfig : ManualConfig
{
    /// <summary>Measured invocations per case (one per iteration).</summary>
    public const int Iterations = 9;

    public AggregationConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(2)
            .WithIterationCount(Iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Min, StatisticColumn.Max);
        AddColumn(new ReferenceRatioColumn(nameof(AggregationBenchmark.TorchGram), "vs X·Xᵀ"));
    }
}
