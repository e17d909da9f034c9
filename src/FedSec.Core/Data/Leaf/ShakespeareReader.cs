using System.Text;
using System.Text.Json;

namespace FedSec.Data.Leaf;

/// <summary>
/// Reads LEAF's Shakespeare (Caldas et al., "LEAF: A benchmark for federated settings", 2018) as FedML's
/// <c>data/shakespeare/data_loader.py</c> does: every <c>.json</c> file of a directory holds
/// <c>{"users": [...], "num_samples": [...], "user_data": {user: {"x": [80-character strings], "y": [next characters]}}}</c>;
/// the users of all files, in name order (Python's <c>sorted</c>), are the clients; each sample is its 80 characters'
/// indices (<see cref="ShakespeareVocabulary"/>) as a 1 × 1 × 80 "image" of float values, and its label the index of
/// the next character. JSON is parsed with System.Text.Json.
/// </summary>
public static class ShakespeareReader
{
    private const string UserData = "user_data";

    /// <summary>The users of the <c>.json</c> files in <paramref name="directory"/>, in name order (ordinal).</summary>
    /// <exception cref="DataFormatException">A file is not JSON (truncated?) or has no <c>user_data</c> object.</exception>
    public static IReadOnlyList<string> UserNames(string directory)
    {
        var (users, documents) = Load(directory);
        using var owned = documents;
        return users.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Reads the named users (all, in name order, when null) of the <c>.json</c> files in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory is missing.</exception>
    /// <exception cref="DataFormatException">
    /// A file is not JSON or not LEAF's layout, a user has x and y of different lengths, an input that is not 80
    /// characters, a label that is not one character, or a character outside FedML's vocabulary; the message names the
    /// file, the user and the sample.
    /// </exception>
    public static ImagesByClient Read(string directory, IReadOnlyList<string>? users = null) =>
        Read(directory, all => users ?? all);

    /// <summary>
    /// Reads the users <paramref name="select"/> picks from all users in name order (e.g. the first N, after checking
    /// there are that many), parsing the files once.
    /// </summary>
    /// <exception cref="DataFormatException">As <see cref="Read(string, IReadOnlyList{string})"/>.</exception>
    public static ImagesByClient Read(string directory, Func<IReadOnlyList<string>, IReadOnlyList<string>> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var (all, documents) = Load(directory);
        using var owned = documents;
        var names = select(all.Keys.Order(StringComparer.Ordinal).ToArray());
        var samples = new List<(float[] X, int Y)>[names.Count];
        for (int u = 0; u < names.Count; u++)
        {
            if (!all.TryGetValue(names[u], out var entry))
            {
                throw new DataFormatException(directory, $"no .json file in it holds user '{names[u]}'.");
            }

            samples[u] = Samples(entry.File, names[u], entry.Data);
        }

        int total = samples.Sum(s => s.Count);
        const int Length = ShakespeareVocabulary.SequenceLength;
        var pixels = new float[(long)total * Length];
        var labels = new int[total];
        int n = 0;
        foreach (var user in samples)
        {
            foreach (var (x, y) in user)
            {
                x.CopyTo(pixels.AsSpan(n * Length, Length));
                labels[n++] = y;
            }
        }

        var images = new ImageSet(pixels, labels, 1, 1, Length, ShakespeareVocabulary.Size);
        return new ImagesByClient(images, NaturalClients.Consecutive(names, samples.Select(s => s.Count).ToArray()));
    }

    /// <summary>
    /// Every user of every <c>.json</c> file (a later file's user replaces an earlier one's, as <c>dict.update</c> does),
    /// and the parsed documents, which the elements point into (disposed by the caller once read; not cloned, since the
    /// published training file is hundreds of megabytes).
    /// </summary>
    private static (Dictionary<string, (string File, JsonElement Data)> Users, Documents Documents) Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Shakespeare directory '{directory}' not found.");
        }

        var users = new Dictionary<string, (string, JsonElement)>(StringComparer.Ordinal);
        var documents = new Documents();
        try
        {
            foreach (string file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                AddUsers(file, users, documents);
            }
        }
        catch
        {
            documents.Dispose();
            throw;
        }

        return (users, documents);
    }

    private static void AddUsers(string file, Dictionary<string, (string, JsonElement)> users, Documents documents)
    {
        JsonElement root;
        try
        {
            using var stream = File.OpenRead(file);
            var document = JsonDocument.Parse(stream);
            documents.Add(document);
            root = document.RootElement;
        }
        catch (JsonException e)
        {
            throw new DataFormatException(file, $"it is not valid JSON (truncated?): {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(UserData, out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException(file, $"it has no '{UserData}' object; LEAF's files hold {{\"users\": [...], \"num_samples\": [...], \"{UserData}\": {{user: {{\"x\": [...], \"y\": [...]}}}}}}.");
        }

        try
        {
            foreach (var user in data.EnumerateObject())
            {
                users[user.Name] = (file, user.Value);
            }
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            // System.Text.Json checks UTF-8 only when it transcodes a string: a user name with bad bytes surfaces here.
            throw new DataFormatException(file, $"a user name in '{UserData}' is not valid UTF-8 text: {e.InnerException.Message}", e);
        }
    }

    private static List<(float[] X, int Y)> Samples(string file, string user, JsonElement data)
    {
        var x = Strings(file, user, data, "x");
        var y = Strings(file, user, data, "y");
        if (x.Count != y.Count)
        {
            throw new DataFormatException(file, $"user '{user}' has {x.Count} inputs (x) but {y.Count} labels (y); each input needs the character that follows it.");
        }

        var samples = new List<(float[], int)>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            if (x[i].Length != ShakespeareVocabulary.SequenceLength)
            {
                throw new DataFormatException(file, $"user '{user}' sample {i}: its input has {x[i].Length} characters; LEAF's Shakespeare inputs have {ShakespeareVocabulary.SequenceLength}.");
            }

            if (y[i].Length != 1)
            {
                throw new DataFormatException(file, $"user '{user}' sample {i}: its label \"{y[i]}\" is not one character.");
            }

            var indices = new float[x[i].Length];
            for (int c = 0; c < indices.Length; c++)
            {
                indices[c] = Index(file, user, i, x[i][c], "input");
            }

            samples.Add((indices, Index(file, user, i, y[i][0], "label")));
        }

        return samples;
    }

    private static int Index(string file, string user, int sample, char c, string what)
    {
        int index = ShakespeareVocabulary.IndexOf(c);
        return index >= 0
            ? index
            : throw new DataFormatException(file, $"user '{user}' sample {sample}: its {what} holds the character {ShakespeareVocabulary.Show(c)}, which is not in FedML's Shakespeare vocabulary of {ShakespeareVocabulary.Characters.Length} characters.");
    }

    private static List<string> Strings(string file, string user, JsonElement data, string key)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new DataFormatException(file, $"user '{user}' has no '{key}' list.");
        }

        var values = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String
                ? Text(file, user, key, item)
                : throw new DataFormatException(file, $"user '{user}' has a {item.ValueKind} in '{key}'; LEAF's Shakespeare holds strings there."));
        }

        return values;
    }

    private static string Text(string file, string user, string key, JsonElement item)
    {
        try
        {
            return item.GetString()!;
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            throw new DataFormatException(file, $"user '{user}' has a string in '{key}' that is not valid UTF-8 text: {e.InnerException.Message}", e);
        }
    }
}
