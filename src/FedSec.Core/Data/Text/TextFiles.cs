using System.Text;

namespace FedSec.Data.Text;

/// <summary>Reads corpus files as strict UTF-8, so that a file in another encoding is an error naming it, not mojibake.</summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/> (a UTF-8 byte-order mark is skipped).</summary>
    /// <exception cref="DataFormatException">The file is not valid UTF-8.</exception>
    public static string ReadUtf8(string path)
    {
        try
        {
            return File.ReadAllText(path, Strict);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFormatException(path, $"it is not valid UTF-8 text ({e.Message}); corpus files must be UTF-8 (ASCII is UTF-8).", e);
        }
    }
}
