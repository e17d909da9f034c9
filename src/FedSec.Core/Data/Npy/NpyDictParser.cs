using System.Globalization;

namespace FedSec.Data.Npy;

/// <summary>
/// Parses the Python dict literal of a <c>.npy</c> header: <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 2), }</c>.
/// Values are strings, booleans or tuples of non-negative integers (returned as <c>long[]</c>).
/// </summary>
internal sealed class NpyDictParser
{
    private readonly string _text;
    private readonly string _path;
    private int _pos;

    public NpyDictParser(string text, string path)
    {
        _text = text;
        _path = path;
    }

    public Dictionary<string, object> ParseDict()
    {
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                break;
            }

            string key = ParseString();
            Expect(':');
            dict[key] = ParseValue();
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != '}')
            {
                throw Error("expected ',' or '}'");
            }
        }

        SkipSpace();
        return _pos == _text.Length ? dict : throw Error("unexpected text after the header dict");
    }

    private object ParseValue()
    {
        SkipSpace();
        char c = Peek();
        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (c == '(')
        {
            return ParseTuple();
        }

        if (Match("True"))
        {
            return true;
        }

        if (Match("False"))
        {
            return false;
        }

        throw Error("expected a string, True, False or a tuple");
    }

    private long[] ParseTuple()
    {
        Expect('(');
        var items = new List<long>();
        while (true)
        {
            SkipSpace();
            if (Peek() == ')')
            {
                _pos++;
                return items.ToArray();
            }

            int start = _pos;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            // numpy 1.x on some platforms wrote "3L" for long dimensions.
            if (_pos == start || !long.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            {
                throw Error("expected a non-negative whole number in the shape");
            }

            if (Peek() == 'L')
            {
                _pos++;
            }

            items.Add(n);
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
            }
            else if (Peek() != ')')
            {
                throw Error("expected ',' or ')' in the shape");
            }
        }
    }

    private string ParseString()
    {
        SkipSpace();
        char quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Error("expected a quoted string");
        }

        int end = _text.IndexOf(quote, _pos + 1);
        if (end < 0)
        {
            throw Error("unterminated string");
        }

        string s = _text[(_pos + 1)..end];
        _pos = end + 1;
        return s;
    }

    private bool Match(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
        {
            _pos += word.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }

        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private NpyFormatException Error(string what) =>
        new(_path, $"{_path}: the .npy header is not a valid dict literal ({what} at character {_pos}): {_text.Trim()}");
}
