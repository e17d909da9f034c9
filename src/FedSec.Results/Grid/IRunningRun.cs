namespace FedSec.Results.Grid;

/// <summary>A run in progress, as <see cref="GridRunner"/> watches it.</summary>
public interface IRunningRun : IDisposable
{
    /// <summary>Whether it has ended (successfully or not).</summary>
    bool HasExited { get; }

    /// <summary>Its exit code once ended; 0 is success.</summary>
    int ExitCode { get; }

    /// <summary>Stops it at once (its directory is left half-written and redone on resume).</summary>
    void Kill();

    /// <summary>What to show when it failed (e.g. the end of its log).</summary>
    string FailureText();
}
