using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Listing;

/// <summary>The command line of <c>fedsec list</c>.</summary>
internal sealed class ListSettings : CommandSettings
{
    /// <summary>What can be listed, in the order it is listed.</summary>
    public static readonly string[] AllTopics = ["attacks", "defenses", "sections", "models", "datasets", "keys"];

    /// <summary>The topics asked for; none lists them all.</summary>
    [CommandArgument(0, "[TOPICS]")]
    [Description("attacks, defenses, sections (dp_args, ...), models, datasets or keys (default: all of them)")]
    public string[] Topics { get; init; } = [];

    /// <summary><c>--plugin FILE</c> (repeatable): assemblies of attacks and defenses of your own.</summary>
    [CommandOption("--plugin <FILE>")]
    [Description("A plugin assembly whose attacks and defenses the configuration may name (repeatable; see docs/extending.md)")]
    public string[] Plugins { get; init; } = [];

    /// <summary>The topics to show, in the order asked for.</summary>
    public IReadOnlyList<string> Wanted => Topics.Length == 0 ? AllTopics : Topics;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        Topics.Where(t => !AllTopics.Contains(t)).Select(t => $"'{t}' is not something fedsec lists; choose from {string.Join(", ", AllTopics)}.").ToArray());
}
