using System.Text.Json;

namespace FedSec.Data.StackOverflow;

/// <summary>
/// The word and tag dictionaries of FedML's <c>data/stackoverflow_lr/utils.py</c>: the first 10 000 words of
/// <c>stackoverflow.word_count</c> (one "word count" line each, most frequent first) and the first 500 keys, in file
/// order, of the JSON object in <c>stackoverflow.tag_count</c> (TensorFlow Federated publishes both next to the h5
/// files). A word's or tag's index is its position.
/// </summary>
public sealed class StackOverflowDictionaries
{
    /// <summary>The word counts file.</summary>
    public const string WordCountFileName = "stackoverflow.word_count";

    /// <summary>The tag counts file.</summary>
    public const string TagCountFileName = "stackoverflow.tag_count";

    /// <summary>FedML's vocabulary size (<c>get_most_frequent_words(vocab_size=10000)</c>).</summary>
    public const int DefaultWordCount = 10_000;

    /// <summary>FedML's number of tags (<c>get_tags(tag_size=500)</c>): the model's outputs.</summary>
    public const int DefaultTagCount = 500;

    private StackOverflowDictionaries(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        Words = words;
        Tags = tags;
        WordIndex = Index(words);
        TagIndex = Index(tags);
    }

    /// <summary>The vocabulary, most frequent first.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The tags, in the tag file's order.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Each word's index.</summary>
    public IReadOnlyDictionary<string, int> WordIndex { get; }

    /// <summary>Each tag's index.</summary>
    public IReadOnlyDictionary<string, int> TagIndex { get; }

    /// <summary>Reads the first <paramref name="wordCount"/> words and <paramref name="tagCount"/> tags of the two files in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="DataFormatException">A line is not "word count", the tag file is not a JSON object, or a file holds fewer entries than needed.</exception>
    public static StackOverflowDictionaries Read(string directory, int wordCount = DefaultWordCount, int tagCount = DefaultTagCount)
    {
        string wordPath = Path.Combine(directory, WordCountFileName);
        string tagPath = Path.Combine(directory, TagCountFileName);
        return new StackOverflowDictionaries(ReadWords(wordPath, wordCount), ReadTags(tagPath, tagCount));
    }

    private static List<string> ReadWords(string path, int count)
    {
        var words = new List<string>(count);
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !long.TryParse(parts[1], out _))
            {
                throw new DataFormatException(path, $"line {line} is \"{Shorten(text)}\"; each line holds a word and its count, separated by white space.");
            }

            words.Add(parts[0]);
            if (words.Count == count)
            {
                return words;
            }
        }

        throw new DataFormatException(path, $"it holds {words.Count} words; FedML's stackoverflow_lr takes the first {count}.");
    }

    private static List<string> ReadTags(string path, int count)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, $"it is not valid JSON (truncated?): {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new DataFormatException(path, "it is not a JSON object of tag counts ({\"tag\": count, ...}).");
            }

            var tags = document.RootElement.EnumerateObject().Select(p => p.Name).Take(count).ToList();
            return tags.Count == count
                ? tags
                : throw new DataFormatException(path, $"it holds {tags.Count} tags; FedML's stackoverflow_lr takes the first {count}.");
        }
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            index[names[i]] = i; // a repeated name keeps its last index, as Python's OrderedDict does
        }

        return index;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
