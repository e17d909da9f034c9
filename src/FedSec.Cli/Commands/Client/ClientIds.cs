using System.Globalization;

namespace FedSec.Cli.Commands.Client;

/// <summary>Client identities as <c>fedsec client --clients</c> takes them: <c>0-4,7</c>.</summary>
internal static class ClientIds
{
    /// <summary>The identities, ascending and distinct; throws <see cref="FormatException"/> naming the bad part.</summary>
    public static IReadOnlyList<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new SortedSet<int>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = raw.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2 || !ends.All(e => int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new FormatException($"--clients expects client ids and ranges such as 0-4,7, not '{text}' ('{raw}' is neither).");
            }

            int first = int.Parse(ends[0], CultureInfo.InvariantCulture);
            int last = int.Parse(ends[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                throw new FormatException($"--clients: the range '{raw}' ends before it starts.");
            }

            for (int id = first; id <= last; id++)
            {
                ids.Add(id);
            }
        }

        return ids.ToList();
    }
}
