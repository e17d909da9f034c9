using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FedSec.Privacy.Accounting;

namespace FedSec.Bench;

/// <summary>
/// The RDP accountant (issue 13's target: ε for 10 000 steps in under 10 ms). A fresh accountant each call, so every
/// order's RDP curve is computed, not taken from the cache: the cost of one `fedsec privacy epsilon`, and of the first
/// round of a run. Stepped one step at a time (as an experiment steps it each round) and in one batch.
/// </summary>
[Config(typeof(AccountantBenchmark.Config))]
public class AccountantBenchmark
{
    [Params(0.01, 0.1, 1.0)]
    public double SampleRate { get; set; }

    [Benchmark(Description = "epsilon, 10 000 steps in one batch")]
    public double TenThousandStepsBatch() => RdpAccountant.EpsilonAfter(1.1, SampleRate, 10_000, 1e-5).Epsilon;

    [Benchmark(Description = "epsilon, 10 000 single steps")]
    public double TenThousandSingleSteps()
    {
        var accountant = new RdpAccountant();
        for (int i = 0; i < 10_000; i++)
        {
            accountant.Step(1.1, SampleRate);
        }

        return accountant.Epsilon(1e-5).Epsilon;
    }

    [Benchmark(Description = "noise multiplier for epsilon 4, 10 000 steps")]
    public double NoiseForBudget() => NoiseMultiplierSearch.For(4, 1e-5, SampleRate, 10_000);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
