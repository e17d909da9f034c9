using System.Text.RegularExpressions;

namespace FedSec.Core.Tests.Docs;

/// <summary>
/// The code in the docs is compiled code: every C# block of docs/extending.md must appear, line for line, in the
/// example plugin (which CI builds) or in a test (which CI runs), so a change of the API breaks the build before it
/// leaves the docs wrong.
/// </summary>
public sealed partial class DocsCodeTests
{
    [Fact]
    public void ExtendingMd_EveryCSharpBlock_IsInTheExamplePluginOrATest()
    {
        string root = RepositoryPaths.Root();
        string docs = File.ReadAllText(Path.Combine(root, "docs", "extending.md"));
        string sources = string.Join('\n', Directory.GetFiles(Path.Combine(root, "examples", "plugins"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Normalize(File.ReadAllText(f))));

        var blocks = CodeBlock().Matches(docs).Select(m => m.Groups[1].Value).ToArray();

        Assert.True(blocks.Length >= 4, $"docs/extending.md has {blocks.Length} C# or XML blocks; expected the options, the defense, the plugin, the project reference and the code use.");
        var missing = blocks.Where(b => !sources.Contains(Normalize(b), StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "Blocks of docs/extending.md found in no example or test source:\n" + string.Join("\n---\n", missing));
    }

    // Lines trimmed, blank lines dropped: indentation may differ between a doc block and its source.
    private static string Normalize(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```(?:csharp|xml)\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
