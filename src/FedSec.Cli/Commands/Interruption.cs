using System.Runtime.InteropServices;

namespace FedSec.Cli.Commands;

/// <summary>
/// Ctrl-C and SIGTERM as a cancellation, for as long as it is not disposed, instead of dying mid-sentence: the bench
/// stops starting runs, kills the running ones (their directories are redone on resume) and says how to resume; a node
/// tells its server it leaves.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Starts listening; <paramref name="outer"/> cancels too.</summary>
    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        System.Console.CancelKeyPress += OnCancelKey;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            _source.Cancel();
        });
    }

    /// <summary>Cancelled on Ctrl-C, SIGTERM or the outer token.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether Ctrl-C, SIGTERM or the outer token came.</summary>
    public bool Requested => _source.IsCancellationRequested;

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        System.Console.CancelKeyPress -= OnCancelKey;
        _terminate.Dispose();
        _source.Dispose();
    }

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }
}
