using System.Collections.Concurrent;

namespace FedSec.Bench;

/// <summary>
/// Process CPU time (user + kernel, all threads) of each invocation of a benchmark, next to BenchmarkDotNet's wall
/// time. On a shared machine the wall time of a parallel kernel grows with whatever else runs; the CPU time it
/// spent does not (much), so ratios of CPU times stay meaningful when the machine is busy. Read with getrusage
/// (<see cref="Environment.CpuUsage"/>), about a microsecond per call.
/// </summary>
internal static class CpuTimes
{
    private static readonly ConcurrentDictionary<(string Method, int N, int D), List<double>> Records = new();

    /// <summary>Runs <paramref name="work"/> and records its CPU time in milliseconds under (method, n, d).</summary>
    public static T Measure<T>(string method, int n, int d, Func<T> work)
    {
        var before = Environment.CpuUsage.TotalTime;
        var result = work();
        double ms = (Environment.CpuUsage.TotalTime - before).TotalMilliseconds;
        var list = Records.GetOrAdd((method, n, d), _ => new List<double>());
        lock (list)
        {
            list.Add(ms);
        }

        return result;
    }

    /// <summary>
    /// The median CPU time of the last <paramref name="count"/> invocations recorded for (method, n, d) (the measured
    /// iterations come after the jitting and warm-up invocations), or null when there are none.
    /// </summary>
    public static double? Median(string method, int n, int d, int count)
    {
        if (!Records.TryGetValue((method, n, d), out var list))
        {
            return null;
        }

        double[] last;
        lock (list)
        {
            last = list.Skip(Math.Max(0, list.Count - count)).Order().ToArray();
        }

        return last.Length == 0 ? null : last.Length % 2 == 1 ? last[last.Length / 2] : (last[(last.Length / 2) - 1] + last[last.Length / 2]) / 2;
    }
}
