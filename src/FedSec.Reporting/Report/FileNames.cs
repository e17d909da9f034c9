using System.Text;

namespace FedSec.Reporting.Report;

/// <summary>File names made from labels: letters, digits, '-', '_' and '.' kept, anything else becomes '-'.</summary>
internal static class FileNames
{
    public static string Safe(string label)
    {
        var b = new StringBuilder(label.Length);
        foreach (char c in label)
        {
            b.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return b.ToString();
    }
}
