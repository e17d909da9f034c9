using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FedSec.Bench;

/// <summary>
/// One warm-up and five measured iterations, one invocation each (an invocation is a whole epoch, seconds long).
/// In process, so the benchmark loads the libtorch shim the build patched for this machine.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Min, StatisticColumn.Max);
    }
}
