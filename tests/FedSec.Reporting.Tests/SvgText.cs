using System.Xml.Linq;

namespace FedSec.Reporting.Tests;

/// <summary>Reads an SVG document back: it must parse as XML; its texts are the trimmed contents of its text elements.</summary>
internal static class SvgText
{
    public static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        return root;
    }

    public static IReadOnlyList<string> Texts(string svg) =>
        Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();
}
