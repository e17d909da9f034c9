using FedSec.Components;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Listing;

/// <summary><c>fedsec list</c>: the registered attacks, defenses, sections (<c>dp_args</c>, ...), models and data sets, and the engine's keys, with defaults.</summary>
internal sealed class ListCommand(IAnsiConsole console) : Command<ListSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description = "Shows what can be configured: attacks, defenses, models, data sets and the engine's keys, with their parameters and defaults.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, ListSettings settings, CancellationToken cancellationToken)
    {
        var registry = Components.CreateRegistry();
        Plugins.Load(registry, settings.Plugins, null);
        foreach (string topic in settings.Wanted)
        {
            console.Write(topic switch
            {
                "attacks" => ComponentTable("Attacks (attack_args.attack_type)", registry.OfKind(ComponentKind.Attack)),
                "defenses" => WithFedMLNames(ComponentTable("Defenses (defense_args.defense_type)", registry.OfKind(ComponentKind.Defense))),
                "sections" => SectionTable(registry.Extensions),
                "models" => NamedTable("Models (model_args.model)", Components.Models()),
                "datasets" => NamedTable("Data sets (data_args.dataset)", Components.Datasets()),
                _ => KeyTable(),
            });
        }

        return ExitCodes.Ok;
    }

    private static Table ComponentTable(string title, IReadOnlyList<ComponentDescriptor> components)
    {
        var table = new Table().Title(title).AddColumns("name", "what it does", "keys (type, default)");
        foreach (var c in components)
        {
            table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Summary), Markup.Escape(string.Join(Environment.NewLine, c.Parameters.Select(Describe))));
        }

        return table;
    }

    private static Table SectionTable(IReadOnlyList<ExtensionDescriptor> sections)
    {
        var table = new Table().Title("Sections of their own (dp_args, ...)").AddColumns("section", "what it does", "keys (type, default)");
        foreach (var s in sections)
        {
            table.AddRow(Markup.Escape(s.Section), Markup.Escape(s.Summary), Markup.Escape(string.Join(Environment.NewLine, s.Parameters.Select(Describe))));
        }

        return table;
    }

    /// <summary>FedML's defense names that run as FedSec's defenses (FedMLKeys.DefenseNames), one row each after the registered ones.</summary>
    private static Table WithFedMLNames(Table table)
    {
        foreach (var (name, (defenses, warning)) in FedMLKeys.DefenseNames)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(warning), Markup.Escape($"those of {string.Join(", ", defenses)}"));
        }

        return table;
    }

    private static Table NamedTable(string title, IReadOnlyList<(string Name, string Description)> items)
    {
        var table = new Table().Title(title).AddColumns("name", "description");
        foreach (var (name, description) in items)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(description));
        }

        return table;
    }

    private static Table KeyTable()
    {
        var table = new Table().Title("Engine keys").AddColumns("key", "type", "default", "meaning");
        foreach (var p in EngineParameters.All)
        {
            table.AddRow(Markup.Escape(p.QualifiedKey), Markup.Escape(p.Parameter.TypeText), Markup.Escape(p.Parameter.DefaultText), Markup.Escape(p.Parameter.Description));
        }

        return table;
    }

    private static string Describe(IParameter p) => $"{p.Key} ({p.TypeText}, {(p.Required ? "required" : $"default {p.DefaultText}")})";
}
