using System.Text;
using FedSec.Configuration;

namespace FedSec.Core.Tests.Configuration;

/// <summary>
/// Inputs afl++ found (fuzz/README.md, targets config and grid, 2026-12-03) on which YamlDotNet 18.1 throws
/// ArgumentException or InvalidOperationException instead of a YamlException: the reader turns them into its
/// ConfigException naming the file. The bytes are afl's, decoded as the harness decodes them (UTF-8).
/// </summary>
public class ConfigReaderFuzzTests
{
    [Theory]
    [InlineData("22567c0d165c5542303030303030303036e65c5c")] // ArgumentOutOfRangeException: \U escape beyond UTF-32 (Char.ConvertFromUtf32)
    [InlineData("21215b5b00")]                               // ArgumentException: Global tags must be valid URIs
    [InlineData("2d203a")]                                   // ArgumentException: The current event is of an unsupported type
    [InlineData("2e2e2e00")]                                 // InvalidOperationException: The scanner should contain no more tokens
    [InlineData("3f0d007b007b0d3f4000")]                     // InvalidOperationException: Operation is not valid due to the current state of the object (ScanPlainScalar)
    public void Parse_InputYamlDotNetFailsOn_IsAConfigExceptionNamingTheFile(string hex)
    {
        string text = Encoding.UTF8.GetString(Convert.FromHexString(hex));

        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse(text, "fuzz.yaml"));

        Assert.Contains("fuzz.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error", e.Message, StringComparison.Ordinal);
    }
}
