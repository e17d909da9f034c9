using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FedSec.Bench;

/// <summary>
/// One warm-up and three measured invocations, in process, with a 20-minute limit per case: DeepSight with the paper's
/// 20 000 images per seed takes about 50 s an invocation, beyond the in-process toolchain's default limit.
/// </summary>
public sealed class ProbeDefenseConfig : ManualConfig
{
    public ProbeDefenseConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true)));
        AddColumn(StatisticColumn.Min, StatisticColumn.Max);
    }
}
