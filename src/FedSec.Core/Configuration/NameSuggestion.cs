namespace FedSec.Configuration;

/// <summary>
/// Finds the known name closest to a misspelt one, for "did you mean" hints. Distance is the optimal string
/// alignment form of the Damerau–Levenshtein distance (insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost 1), compared without case.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>The edit distance between two strings (case ignored).</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The candidate closest to <paramref name="input"/>, or null when none is close enough to be a likely typo:
    /// at most 1 edit for names up to 5 characters, 2 up to 9, 3 beyond. Ties go to the first candidate given.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        int allowed = input.Length <= 5 ? 1 : input.Length <= 9 ? 2 : 3;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            int dist = Distance(input, c);
            if (dist < bestDistance)
            {
                best = c;
                bestDistance = dist;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// <see cref="Hint"/> for a section name: the shared "_args" suffix is left out of the comparison, so that it
    /// does not make unrelated sections look alike (foo_args is not a typo of fhe_args).
    /// </summary>
    public static string SectionHint(string input, IEnumerable<string> sections)
    {
        const string Suffix = "_args";
        static string Stem(string s) => s.EndsWith(Suffix, StringComparison.Ordinal) ? s[..^Suffix.Length] : s;
        var bySection = sections.ToDictionary(Stem, s => s, StringComparer.Ordinal);
        return Closest(Stem(input), bySection.Keys) is { } c ? $"; did you mean '{bySection[c]}'?" : ".";
    }

    /// <summary>Ends a sentence about a misspelt name: "; did you mean 'x'?" for a close candidate, else ".".</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } c ? $"; did you mean '{c}'?" : ".";
}
