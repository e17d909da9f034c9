using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>Copies a stream while reporting progress, and optionally gives up when no byte arrives for a while.</summary>
internal static class ProgressCopy
{
    private const int BufferSize = 81920;

    // Report about every 256 KiB so that a progress bar moves without flooding the display.
    private const long ReportEvery = 256 * 1024;

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/>, calling <paramref name="report"/> with the
    /// bytes copied so far (throttled, and once at the end). Returns the byte count.
    /// </summary>
    /// <exception cref="TimeoutException">No data arrived for <paramref name="stallTimeout"/>.</exception>
    public static async Task<long> CopyAsync(
        Stream source, Stream destination, Action<long>? report, TimeSpan? stallTimeout, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        long done = 0, lastReport = 0;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            if (stallTimeout is { } limit)
            {
                stall.CancelAfter(limit);
            }

            int read;
            try
            {
                read = await source.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data arrived for {stallTimeout!.Value.TotalSeconds:0} s after {done} bytes.");
            }

            if (read == 0)
            {
                break;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            done += read;
            if (done - lastReport >= ReportEvery)
            {
                report?.Invoke(done);
                lastReport = done;
            }
        }

        report?.Invoke(done);
        return done;
    }
}
