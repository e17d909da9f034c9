using System.Diagnostics;

namespace FedSec.Results.Grid;

/// <summary>
/// A <c>fedsec run</c> child process whose output goes to a log file. This process holds the write end of the child's
/// standard input and never writes to it: it is the child's lifeline (<see cref="ParentLifeline"/>), closed by the kernel
/// when this process ends in any way, whereupon the child ends too.
/// </summary>
internal sealed class ChildRun : IRunningRun
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly string _logPath;
    private readonly object _gate = new();
    private bool _closed;
    private StreamWriter? _lifeline;

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

        run._lifeline = process.StandardInput;
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

        CloseLifeline();
    }

    public string FailureText()
    {
        lock (_gate)
        {
            _log.Flush();
        }

        return FailureSummary.Of(File.ReadLines(_logPath), _logPath);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }

        CloseLifeline();
        _process.Dispose();
    }

    private void CloseLifeline()
    {
        try
        {
            _lifeline?.Dispose();
        }
        catch (IOException)
        {
            // The child is gone and its end of the pipe with it.
        }

        _lifeline = null;
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
