using System.Diagnostics;
using FedSec.Results.Grid;

namespace FedSec.Results.Grid;

/// <summary>A <c>fedsec run</c> child process whose output goes to a log file.</summary>
internal sealed class ChildRun : IRunningRun
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly object _gate = new();
    private bool _closed;

    private ChildRun(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        _logPath = logPath;
    }

    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
            {
                return false;
            }

            // Drains the output handlers before the log is read or closed.
            _process.WaitForExit();
            return true;
        }
    }

    public int ExitCode => _process.ExitCode;

    public static ChildRun Start(ProcessStartInfo info, string logPath)
    {
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var run = new ChildRun(process, log, logPath);
        process.OutputDataReceived += (_, e) => run.Write(e.Data);
        process.ErrorDataReceived += (_, e) => run.Write(e.Data);
        if (!process.Start())
        {
            log.Dispose();
            throw new IOException($"'{info.FileName}' could not be started.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public string FailureText()
    {
        lock (_gate)
        {
            _log.Flush();
        }

        var lines = File.ReadLines(_logPath)
            .Where(l => l.Length > 0 && !l.Contains("NNPACK", StringComparison.Ordinal))
            .TakeLast(5)
            .ToArray();
        return lines.Length == 0 ? $"no output (see {_logPath})" : string.Join(" / ", lines) + $" (log: {_logPath})";
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
