using System.Diagnostics;
using System.Text;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>The real <c>fedsec</c> executable (<c>dotnet fedsec.dll</c>) started as a process, its output collected.</summary>
internal sealed class FedsecProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _commandLine;

    private FedsecProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
    }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The fedsec.dll built with this test project (its runtimeconfig beside it).</summary>
    public static string Dll
    {
        get
        {
            string here = Path.Combine(AppContext.BaseDirectory, "fedsec.dll");
            Assert.True(File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "fedsec.runtimeconfig.json")), $"fedsec.dll and its runtimeconfig are not in {AppContext.BaseDirectory}.");
            return here;
        }
    }

    public static FedsecProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(Dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = info };
        var started = new FedsecProcess(process, "fedsec " + string.Join(" ", args));
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        Assert.True(process.Start(), "dotnet could not be started.");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs fedsec to its end, at most <paramref name="bound"/>; returns the exit code and the output.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan bound, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        int code = p.WaitForExit(bound);
        return (code, p.Output);
    }

    /// <summary>Waits at most <paramref name="bound"/> for the process to end (failing the test and killing it otherwise); returns its exit code.</summary>
    public int WaitForExit(TimeSpan bound)
    {
        if (!_process.WaitForExit(bound))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"'{_commandLine}' did not end within {bound}. Its output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager or <c>kill</c> stops a process: it may end cleanly.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -TERM {Pid} failed.");
    }

    /// <summary>SIGKILL of this process alone (not its children), as <c>kill -9</c> would.</summary>
    public void KillAlone()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
