namespace FedSec.Torch;

/// <summary>A span in which libtorch uses no oneDNN convolutions; disposing it restores the setting found at its start.</summary>
internal sealed class OneDnnSuspension : IDisposable
{
    private readonly bool? _previous;
    private bool _disposed;

    /// <summary>Switches oneDNN off, remembering <paramref name="previous"/> (null: the switch is unreachable, nothing changes).</summary>
    public OneDnnSuspension(bool? previous)
    {
        _previous = previous;
        if (previous is not null)
        {
            OneDnn.TrySetEnabled(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed && _previous is { } enabled)
        {
            OneDnn.TrySetEnabled(enabled);
        }

        _disposed = true;
    }
}
