using System.Buffers;
using System.Reflection;

namespace FedSec.Output;

/// <summary>
/// The build of FedSec that is running: its version and, when it was built from a git checkout, the commit
/// (<c>1.0.0+ea0c7851…</c>; the .NET SDK appends the commit to the informational version). A run records it
/// (<c>summary.json</c>'s <c>build</c>) because a grid's run key is its settings, not the code: the build says which
/// code made a stored number. A checkout with uncommitted changes has the commit it was changed from.
/// </summary>
public static class FedSecBuild
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>This build's version and commit, e.g. <c>1.0.0+ea0c7851d908339046d10973b63a278e9932f5fb</c>.</summary>
    public static string Current { get; } =
        typeof(FedSecBuild).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(FedSecBuild).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// Whether <paramref name="build"/> names its commit (<c>+</c> and 40 hex digits): only then do two equal builds
    /// hold the same code. A build outside a git checkout has the version alone, which every such build shares.
    /// </summary>
    public static bool HasCommit(string? build)
    {
        int plus = build?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return plus >= 0 && build!.Length - plus - 1 == 40 && !build.AsSpan(plus + 1).ContainsAnyExcept(HexDigits);
    }

    /// <summary>
    /// <paramref name="build"/> with its commit cut to <paramref name="digits"/> hex digits (<c>1.0.0+ea0c7851d908</c>),
    /// for tables and log lines; a build without a commit is returned whole.
    /// </summary>
    public static string Short(string build, int digits = 12)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        int plus = build.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || build.Length - plus - 1 <= digits ? build : build[..(plus + 1 + digits)];
    }
}
