namespace FedSec.Data.Leaf;

/// <summary>
/// The character encoding FedML's <c>data/shakespeare</c> loader uses (<c>language_utils.py</c>): the 86 characters of
/// TensorFlow Federated's text-generation tutorial (<c>CHAR_VOCAB</c>), each mapped to its position (0..85), and a
/// vocabulary of 90 symbols (the 86 plus FedML's padding, out-of-vocabulary, BOS and EOS ids), which sizes the model's
/// embedding and output. FedML's loader maps a character outside the 86 to −1 (<c>str.find</c>), which its model cannot
/// embed; FedSec rejects it when reading. (LEAF's own 80-character <c>ALL_LETTERS</c> is commented out in FedML.)
/// </summary>
public static class ShakespeareVocabulary
{
    /// <summary>The characters, in FedML's order: character <c>Characters[i]</c> has index i.</summary>
    public const string Characters = "dhlptx@DHLPTX $(,048cgkoswCGKOSW[_#'/37;?bfjnrvzBFJNRVZ\"&*.26:\naeimquyAEIMQUY]!%)-159\r";

    /// <summary>Symbols in FedML's vocabulary (<c>VOCAB_SIZE</c>): the characters plus 4 special ids; the model's classes.</summary>
    public const int Size = 90;

    /// <summary>Characters of one input sequence in LEAF's Shakespeare (its <c>SEQ_LENGTH</c>).</summary>
    public const int SequenceLength = 80;

    private static readonly Dictionary<char, int> Indices = Characters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);

    /// <summary>The index of <paramref name="c"/>, or −1 when it is not one of <see cref="Characters"/>.</summary>
    public static int IndexOf(char c) => Indices.TryGetValue(c, out int i) ? i : -1;

    /// <summary>A character as a message shows it (escaped when it is a control character).</summary>
    public static string Show(char c) => c switch
    {
        '\n' => "'\\n'",
        '\r' => "'\\r'",
        '\t' => "'\\t'",
        _ when char.IsControl(c) || char.IsSurrogate(c) => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };
}
