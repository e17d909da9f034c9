namespace FedSec.Bench;

/// <summary>
/// The plain loop and FedSec's client training of <see cref="CausalLmTrainingBenchmark"/>, run alternately, one client
/// round (10 steps) each, with the ratio of each pair and tokens/s; as <see cref="InterleavedComparison"/> does for the
/// image trainer, so that the load drift of a shared machine stays out of the ratio.
/// </summary>
internal static class CausalLmComparison
{
    public static void Run(int pairs)
    {
        using var bench = new CausalLmTrainingBenchmark();
        bench.Setup();
        bench.PlainLoop();
        bench.EngineTrainer();
        var plain = new List<(double Wall, double Cpu)>();
        var engine = new List<(double Wall, double Cpu)>();
        for (int i = 0; i < pairs; i++)
        {
            // Alternate which goes first so that neither always gets the warmer cache or the quieter moment.
            (double Wall, double Cpu, double Sys) p, e;
            if (i % 2 == 0)
            {
                p = InterleavedComparison.Time(() => bench.PlainLoop());
                e = InterleavedComparison.Time(() => bench.EngineTrainer());
            }
            else
            {
                e = InterleavedComparison.Time(() => bench.EngineTrainer());
                p = InterleavedComparison.Time(() => bench.PlainLoop());
            }

            plain.Add((p.Wall, p.Cpu));
            engine.Add((e.Wall, e.Cpu));
            Console.WriteLine(
                $"pair {i + 1}: plain {p.Wall:F3} s (cpu {p.Cpu:F3} s), FedSec {e.Wall:F3} s (cpu {e.Cpu:F3} s), ratio {e.Wall / p.Wall:F3} (cpu {e.Cpu / p.Cpu:F3})");
        }

        const double tokens = CausalLmTrainingBenchmark.TokensPerInvocation;
        double plainWall = InterleavedComparison.Median(plain.Select(x => x.Wall).ToList());
        double engineWall = InterleavedComparison.Median(engine.Select(x => x.Wall).ToList());
        double ratio = InterleavedComparison.Median(plain.Zip(engine, (p, e) => e.Wall / p.Wall).ToList());
        double cpuRatio = InterleavedComparison.Median(plain.Zip(engine, (p, e) => e.Cpu / p.Cpu).ToList());
        Console.WriteLine(
            $"median: plain {plainWall:F3} s ({tokens / plainWall:F0} tokens/s), FedSec {engineWall:F3} s ({tokens / engineWall:F0} tokens/s), " +
            $"ratio {ratio:F3} (cpu {cpuRatio:F3}); overhead {(ratio - 1) * 100:F1} %");
    }
}
