using System.Diagnostics;

namespace FedSec.Results.Grid;

/// <summary>
/// Starts each run of a grid as a <c>fedsec run</c> child process of this same executable, with its own tensor
/// threads and one client training at a time (the bench runs a run per core already), its console output in
/// <c>run.log</c> in its run directory. A process per run keeps runs independent: a
/// crash or kill takes only that run, and libtorch's global random generator and thread pool are not shared.
/// The child runs with <c>--child-of-bench</c>: it holds its directory's <see cref="RunDirectoryLock"/> while it runs
/// and ends when this process ends (<see cref="GridChildSession"/>), even when this process is killed with SIGKILL.
/// </summary>
internal sealed class ChildProcessLauncher : IRunLauncher
{
    /// <summary>The hidden <c>fedsec run</c> option that makes a run a bench's child (<see cref="GridChildSession"/>).</summary>
    public const string ChildOption = "--child-of-bench";

    private readonly int _threads;
    private readonly string? _dataDir;

    public ChildProcessLauncher(int threads, string? dataDir)
    {
        _threads = threads;
        _dataDir = dataDir;
    }

    public IRunningRun Start(GridRunPlan plan, string configPath, string runDirectory)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        string exe = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running fedsec executable is unknown, so runs cannot be started.");
        info.FileName = exe;
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as 'dotnet fedsec.dll': the child needs the assembly too.
            info.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The fedsec assembly is unknown, so runs cannot be started."));
        }

        foreach (var a in new[] { "run", configPath, "--output", runDirectory, "--threads", _threads.ToString(System.Globalization.CultureInfo.InvariantCulture), "--parallel", "1", ChildOption })
        {
            info.ArgumentList.Add(a);
        }

        if (_dataDir is not null)
        {
            info.ArgumentList.Add("--data-dir");
            info.ArgumentList.Add(_dataDir);
        }

        info.Environment["NO_COLOR"] = "1";
        return ChildRun.Start(info, Path.Combine(runDirectory, "run.log"));
    }
}
