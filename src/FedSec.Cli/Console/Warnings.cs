using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Prints warnings, one line each.</summary>
internal static class Warnings
{
    /// <summary>Prints <c>warning: …</c> for each of <paramref name="warnings"/>.</summary>
    public static void Show(IAnsiConsole console, IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(warnings);
        foreach (string w in warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
        }
    }
}
