using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace FedSec.Language.Text;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> whose model is a byte-level BPE (GPT-2's, GPT-NeoX-20B's as Pythia uses):
/// its <c>model.vocab</c> and <c>model.merges</c> become Microsoft.ML.Tokenizers' <c>CodeGenTokenizer</c> (GPT-2's
/// byte-level BPE and pre-tokenization). Any other kind of tokenizer is an error naming the file.
/// </summary>
public static class HfTokenizerFile
{
    /// <summary>The file's name in a model directory.</summary>
    public const string FileName = "tokenizer.json";

    /// <summary>The tokenizer in <paramref name="path"/>.</summary>
    /// <exception cref="LanguageModelException">The file is missing, is not JSON, or is not a byte-level BPE; the message names it.</exception>
    public static LanguageTokenizer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LanguageModelException(path, "the file does not exist.");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            if (!json.RootElement.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object
                || !model.TryGetProperty("type", out var type) || type.GetString() != "BPE"
                || !model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object
                || !model.TryGetProperty("merges", out var merges) || merges.ValueKind != JsonValueKind.Array)
            {
                throw new LanguageModelException(path, "it is not a BPE tokenizer (model.type \"BPE\" with model.vocab and model.merges); FedSec reads byte-level BPE tokenizers such as GPT-2's and Pythia's.");
            }

            // Merges are "a b" strings in older files and ["a", "b"] pairs in newer ones.
            var mergeLines = new StringBuilder("#version: 0.2\n");
            foreach (var m in merges.EnumerateArray())
            {
                mergeLines.Append(m.ValueKind == JsonValueKind.Array ? string.Join(' ', m.EnumerateArray().Select(x => x.GetString())) : m.GetString()).Append('\n');
            }

            int size = vocab.EnumerateObject().Select(p => p.Value.GetInt32()).DefaultIfEmpty(-1).Max() + 1;
            if (json.RootElement.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
            {
                size = Math.Max(size, added.EnumerateArray().Select(t => t.GetProperty("id").GetInt32() + 1).DefaultIfEmpty(0).Max());
            }

            using var vocabStream = new MemoryStream(Encoding.UTF8.GetBytes(vocab.GetRawText()));
            using var mergesStream = new MemoryStream(Encoding.UTF8.GetBytes(mergeLines.ToString()));
            var bpe = CodeGenTokenizer.Create(vocabStream, mergesStream, addPrefixSpace: false, addBeginOfSentence: false, addEndOfSentence: false);
            return new LanguageTokenizer(bpe, size);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new LanguageModelException(path, $"it cannot be read as a tokenizer ({e.Message}).", e);
        }
    }
}
