using FedSec.Language.Models;
using FedSec.Language.Text;

namespace FedSec.Language.Checkpoints;

/// <summary>
/// A model directory as <c>model_args.model_path</c> and <c>fedsec lm</c> take it: <c>config.json</c> and
/// <c>model.safetensors</c> (<see cref="HfCheckpoint"/>), and the tokenizer: a Hugging Face <c>tokenizer.json</c>
/// (<see cref="HfTokenizerFile"/>) or, for models FedSec pretrained, <c>vocabulary.json</c> (<see cref="CorpusVocabulary"/>).
/// </summary>
public static class LanguageModelDirectory
{
    /// <summary>The model in <paramref name="directory"/>.</summary>
    /// <exception cref="LanguageModelException">A file is missing or does not fit; names it.</exception>
    public static GptNeoX LoadModel(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new LanguageModelException(directory, "the model directory does not exist; it holds config.json, model.safetensors and tokenizer.json (or FedSec's vocabulary.json).");
        }

        return HfCheckpoint.Load(directory);
    }

    /// <summary>The tokenizer in <paramref name="directory"/>, checked against the model's vocabulary size.</summary>
    /// <exception cref="LanguageModelException">Neither tokenizer file is there, it cannot be read, or its ids do not fit the model; names it.</exception>
    public static LanguageTokenizer LoadTokenizer(string directory, GptNeoXConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string hf = Path.Combine(directory, HfTokenizerFile.FileName);
        string own = Path.Combine(directory, CorpusVocabulary.FileName);
        var (tokenizer, path) = File.Exists(hf) ? (HfTokenizerFile.Load(hf), hf)
            : File.Exists(own) ? (new LanguageTokenizer(CorpusVocabulary.Load(own)), own)
            : throw new LanguageModelException(directory, $"it holds no {HfTokenizerFile.FileName} (nor FedSec's {CorpusVocabulary.FileName}), so text cannot be tokenized; pass token ids instead.");
        if (tokenizer.VocabularySize > config.VocabularySize)
        {
            throw new LanguageModelException(path, $"its {tokenizer.VocabularySize} token ids do not fit the model's vocab_size of {config.VocabularySize}.");
        }

        return tokenizer;
    }
}
