using System.Diagnostics;

namespace FedSec.Bench;

/// <summary>
/// The plain loop and the engine's trainer of <see cref="LocalTrainingBenchmark"/>, run alternately, one epoch each,
/// with the ratio of each pair. On a machine shared with other work the load drifts over minutes; pairing neighbouring
/// runs keeps that drift out of the ratio, which BenchmarkDotNet's run-all-of-A-then-all-of-B cannot. Process CPU time
/// is reported beside wall time: with one torch thread it is the work done, nearly blind to other processes' load.
/// </summary>
internal static class InterleavedComparison
{
    public static void Run(int pairs)
    {
        var bench = new LocalTrainingBenchmark();
        bench.Setup();
        bench.PlainLoop();
        bench.EngineTrainer();
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        var plainTimes = new List<double>();
        var engineTimes = new List<double>();
        var plainCpu = new List<double>();
        var engineCpu = new List<double>();
        for (int i = 0; i < pairs; i++)
        {
            // Alternate which goes first so that neither always gets the warmer cache or the quieter moment.
            (double Wall, double Cpu, double Sys) plain, engine;
            if (i % 2 == 0)
            {
                plain = Time(() => bench.PlainLoop());
                engine = Time(() => bench.EngineTrainer());
            }
            else
            {
                engine = Time(() => bench.EngineTrainer());
                plain = Time(() => bench.PlainLoop());
            }

            plainTimes.Add(plain.Wall);
            engineTimes.Add(engine.Wall);
            plainCpu.Add(plain.Cpu);
            engineCpu.Add(engine.Cpu);
            ratios.Add(engine.Wall / plain.Wall);
            cpuRatios.Add(engine.Cpu / plain.Cpu);
            Console.WriteLine(
                $"pair {i + 1}: plain {plain.Wall:F2} s (cpu {plain.Cpu:F2} s, kernel {plain.Sys:F2} s), " +
                $"engine {engine.Wall:F2} s (cpu {engine.Cpu:F2} s, kernel {engine.Sys:F2} s), " +
                $"ratio {engine.Wall / plain.Wall:F3} (cpu {engine.Cpu / plain.Cpu:F3})");
        }

        bench.Cleanup();
        Console.WriteLine(
            $"median: plain {Median(plainTimes):F2} s ({LocalTrainingBenchmark.Samples / Median(plainTimes):F0} samples/s), " +
            $"engine {Median(engineTimes):F2} s ({LocalTrainingBenchmark.Samples / Median(engineTimes):F0} samples/s), ratio {Median(ratios):F3}; " +
            $"cpu: plain {Median(plainCpu):F2} s, engine {Median(engineCpu):F2} s, ratio {Median(cpuRatios):F3}");
    }

    internal static (double Wall, double Cpu, double Sys) Time(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sys = process.PrivilegedProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, (process.PrivilegedProcessorTime - sys).TotalSeconds);
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
