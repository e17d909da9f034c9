namespace FedSec.Results.Grid;

/// <summary>
/// The line a failed run's log is summed up by in the bench's progress and conclusion. A child <c>fedsec run</c> ends
/// an expected failure with its <c>error: …</c> message, wrapped at the console's width: the summary is that message
/// whole, its lines joined again. A crash has no such line: the summary is then the log's last lines. Pure.
/// </summary>
public static class FailureSummary
{
    /// <summary>How many characters of an error message are kept.</summary>
    public const int MaxErrorLength = 600;

    /// <summary>How many of the last lines stand for a log without an error message.</summary>
    public const int TailLines = 5;

    /// <summary>The summary of a log's <paramref name="lines"/>; <paramref name="logPath"/> is named so the reader can open it.</summary>
    public static string Of(IEnumerable<string> lines, string logPath)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var kept = lines.Where(l => l.Trim().Length > 0 && !l.Contains("NNPACK", StringComparison.Ordinal)).ToArray();
        if (kept.Length == 0)
        {
            return $"no output (see {logPath})";
        }

        int error = Array.FindLastIndex(kept, l => l.StartsWith("error:", StringComparison.Ordinal));
        if (error >= 0)
        {
            string message = string.Join(" ", kept.Skip(error).Select(l => l.Trim()))["error:".Length..].Trim();
            if (message.Length > MaxErrorLength)
            {
                message = message[..MaxErrorLength] + " …";
            }

            return $"{message} (log: {logPath})";
        }

        return string.Join(" / ", kept.TakeLast(TailLines)) + $" (log: {logPath})";
    }
}
