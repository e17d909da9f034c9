using System.Text.Json;
using PureHDF;

namespace FedSec.Testing;

/// <summary>
/// Writes tiny files in TFF's StackOverflow layout (examples/USER/tokens, title, tags as string datasets, written with
/// PureHDF) and its count files (<c>stackoverflow.word_count</c>: "word count" lines; <c>stackoverflow.tag_count</c>: a
/// JSON object), independently of the reader under test.
/// </summary>
public static class StackOverflowWriter
{
    /// <summary>One user's posts: body tokens, titles and '|'-separated tags, one of each per post.</summary>
    public sealed record User(string Name, string[] Tokens, string[] Titles, string[] Tags);

    /// <summary>Writes <paramref name="users"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, params User[] users)
    {
        var examples = new H5Group();
        foreach (var u in users)
        {
            examples[u.Name] = new H5Group { ["tokens"] = u.Tokens, ["title"] = u.Titles, ["tags"] = u.Tags };
        }

        new H5File { ["examples"] = examples }.Write(path);
    }

    /// <summary>Writes the two count files with <paramref name="words"/> and <paramref name="tags"/> in that order.</summary>
    public static void WriteCounts(string directory, IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "stackoverflow.word_count"), words.Select((w, i) => $"{w} {100_000 - i}"));
        File.WriteAllText(Path.Combine(directory, "stackoverflow.tag_count"), JsonSerializer.Serialize(tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => 50_000 - p.i)));
    }

    /// <summary>
    /// The four files in <paramref name="directory"/>: 10 000 words (w0 ...), 500 tags (t0 ...), <paramref name="userCount"/>
    /// users with <paramref name="perUser"/> train posts and 1 test post each.
    /// </summary>
    public static void WriteSplit(string directory, int userCount, int perUser = 2)
    {
        WriteCounts(directory, Enumerable.Range(0, 10_000).Select(i => $"w{i}").ToArray(), Enumerable.Range(0, 500).Select(i => $"t{i}").ToArray());
        User Make(int u, int posts) => new(
            $"{u:D8}",
            Enumerable.Range(0, posts).Select(i => $"w{u} w{i} w{u + i} unknown").ToArray(),
            Enumerable.Range(0, posts).Select(i => $"w{u * 3}").ToArray(),
            Enumerable.Range(0, posts).Select(i => $"t{u % 500}|t{(u + i + 1) % 500}").ToArray());
        Write(Path.Combine(directory, "stackoverflow_train.h5"), Enumerable.Range(0, userCount).Select(u => Make(u, perUser)).ToArray());
        Write(Path.Combine(directory, "stackoverflow_test.h5"), Enumerable.Range(0, userCount).Select(u => Make(u + 1, 1)).ToArray());
    }
}
