using System.Runtime.InteropServices;

namespace FedSec.Bench;

/// <summary>
/// BenchmarkDotNet raises its process to high priority for every benchmark case, and as root on Linux that succeeds
/// (nice −11). On the shared development machine a benchmark must keep the niceness it was started with
/// (<c>nice -n 5</c>), so the aggregation benchmarks put every thread of the process back to it in their setup.
/// Linux keeps a niceness per thread, and new threads inherit their creator's: every thread is reset.
/// </summary>
internal static class ProcessNiceness
{
    private const int PrioProcess = 0;
    private static int? _original;

    /// <summary>Remembers the niceness the process started with (call before BenchmarkDotNet runs).</summary>
    public static void Capture()
    {
        if (OperatingSystem.IsLinux())
        {
            _original = GetPriority(PrioProcess, 0);
        }
    }

    /// <summary>Sets every thread of the process that runs at a higher priority than the captured niceness back to it.</summary>
    public static void Restore()
    {
        if (_original is not int nice)
        {
            return;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            // Only ever lower a thread's priority: a thread someone else reniced further down stays there.
            if (uint.TryParse(Path.GetFileName(task), out uint thread) && GetPriority(PrioProcess, thread) < nice)
            {
                _ = SetPriority(PrioProcess, thread, nice);
            }
        }
    }

    [DllImport("libc.so.6", EntryPoint = "getpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, uint who);

    [DllImport("libc.so.6", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, uint who, int priority);
}
