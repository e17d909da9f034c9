namespace FedSec.Results.Grid;

/// <summary>
/// The child's end of the lifeline between a bench and its <c>fedsec run</c> children: the bench holds the write end of
/// each child's standard input and never writes to it. When the bench ends, however it ends (SIGKILL included), the
/// kernel closes that end, and the child's read of its standard input returns end-of-file. This works on every platform
/// and needs no polling and no parent process id (which a reparented orphan could not trust anyway).
/// </summary>
internal static class ParentLifeline
{
    /// <summary>Reads <paramref name="input"/> on a background thread and calls <paramref name="parentGone"/> when it ends.</summary>
    public static Thread Watch(Stream input, Action parentGone)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parentGone);
        var thread = new Thread(() =>
        {
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer) > 0)
                {
                    // The bench writes nothing; anything read is ignored.
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A broken pipe is the parent gone too; a stream closed by its owner ends the watch as well.
            }

            parentGone();
        })
        {
            IsBackground = true,
            Name = "fedsec bench lifeline",
        };
        thread.Start();
        return thread;
    }
}
