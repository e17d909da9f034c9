namespace FedSec.Language;

/// <summary>
/// A language-model file FedSec cannot use: a config key it does not implement, a checkpoint whose tensors do not match
/// its config, an unreadable tokenizer, LoRA settings that do not fit the model. The message names the file (or key)
/// and says what is allowed.
/// </summary>
public sealed class LanguageModelException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (a file or a config key) with a sentence saying what is wrong.</summary>
    public LanguageModelException(string source, string problem)
        : base($"{source}: {problem}")
    {
        Origin = source;
    }

    /// <summary>Creates the exception with the error that revealed the problem.</summary>
    public LanguageModelException(string source, string problem, Exception innerException)
        : base($"{source}: {problem}", innerException)
    {
        Origin = source;
    }

    /// <summary>The file or config key at fault.</summary>
    public string Origin { get; }
}
