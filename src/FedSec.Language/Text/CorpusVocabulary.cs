using System.Text.Json;

namespace FedSec.Language.Text;

/// <summary>
/// GPT-2's BPE vocabulary cut to a corpus: the <c>Size − 1</c> GPT-2 ids most frequent in the corpus's texts (ties by
/// id), renumbered 1, 2, … in that order, and id 0 for every other GPT-2 id (unknown). A model pretrained on a small
/// corpus needs no 50 257-row embedding for ids it never sees. Stored as <c>vocabulary.json</c> next to the model
/// (<c>{"base": "gpt2", "ids": [...]}</c>, the GPT-2 id of each model id from 1 on).
/// </summary>
public sealed class CorpusVocabulary
{
    /// <summary>The file's name in a model directory.</summary>
    public const string FileName = "vocabulary.json";

    private readonly Dictionary<int, int> _toModel;

    /// <summary>The vocabulary whose model ids 1, 2, … are the GPT-2 ids <paramref name="gpt2Ids"/>.</summary>
    public CorpusVocabulary(IReadOnlyList<int> gpt2Ids)
    {
        ArgumentNullException.ThrowIfNull(gpt2Ids);
        Gpt2Ids = gpt2Ids;
        _toModel = new Dictionary<int, int>(gpt2Ids.Count);
        for (int i = 0; i < gpt2Ids.Count; i++)
        {
            if (!_toModel.TryAdd(gpt2Ids[i], i + 1))
            {
                throw new ArgumentException($"GPT-2 id {gpt2Ids[i]} appears twice.", nameof(gpt2Ids));
            }
        }
    }

    /// <summary>The GPT-2 id of model ids 1, 2, ….</summary>
    public IReadOnlyList<int> Gpt2Ids { get; }

    /// <summary>Model ids in all (the unknown id 0 included).</summary>
    public int Size => Gpt2Ids.Count + 1;

    /// <summary>Keeps the <paramref name="size"/> − 1 GPT-2 ids most frequent in <paramref name="gpt2Tokens"/>.</summary>
    public static CorpusVocabulary Build(IEnumerable<IReadOnlyList<int>> gpt2Tokens, int size)
    {
        ArgumentNullException.ThrowIfNull(gpt2Tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var counts = new Dictionary<int, long>();
        foreach (var document in gpt2Tokens)
        {
            foreach (int id in document)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        var kept = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(size - 1).Select(c => c.Key).ToArray();
        return new CorpusVocabulary(kept);
    }

    /// <summary>The model ids of GPT-2 ids (0 for an id outside the vocabulary).</summary>
    public int[] Map(IReadOnlyList<int> gpt2Ids)
    {
        ArgumentNullException.ThrowIfNull(gpt2Ids);
        var ids = new int[gpt2Ids.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = _toModel.GetValueOrDefault(gpt2Ids[i]);
        }

        return ids;
    }

    /// <summary>Writes <c>vocabulary.json</c> into <paramref name="directory"/>.</summary>
    public void Save(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(new { @base = "gpt2", ids = Gpt2Ids }) + "\n");

    /// <summary>Reads a <c>vocabulary.json</c>.</summary>
    /// <exception cref="LanguageModelException">The file is not one; names it.</exception>
    public static CorpusVocabulary Load(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            if (!root.TryGetProperty("base", out var b) || b.GetString() != "gpt2" || !root.TryGetProperty("ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            {
                throw new LanguageModelException(path, "it is not a FedSec vocabulary (a JSON object with \"base\": \"gpt2\" and an \"ids\" array).");
            }

            return new CorpusVocabulary(ids.EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new LanguageModelException(path, $"it cannot be read as a FedSec vocabulary ({e.Message}).", e);
        }
    }
}
