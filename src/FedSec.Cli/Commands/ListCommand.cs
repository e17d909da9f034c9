using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Components;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary><c>fedsec list</c>: the registered attacks, defenses, models and data sets, and the engine's keys, with defaults.</summary>
internal static class ListCommand
{
    private static readonly string[] Topics = { "attacks", "defenses", "models", "datasets", "keys" };

    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine("Usage: fedsec list [attacks|defenses|models|datasets|keys]");
            return 0;
        }

        parsed.RejectUnknown("list");
        var wanted = parsed.Positional.Count == 0 ? Topics : parsed.Positional.ToArray();
        foreach (var topic in wanted)
        {
            if (!Topics.Contains(topic))
            {
                throw new UsageException($"'{topic}' is not something fedsec lists; choose from {string.Join(", ", Topics)}.");
            }
        }

        var registry = Components.CreateRegistry();
        foreach (var topic in wanted)
        {
            switch (topic)
            {
                case "attacks":
                    ShowComponents("Attacks (attack_args.attack_type)", registry.OfKind(ComponentKind.Attack));
                    break;
                case "defenses":
                    ShowComponents("Defenses (defense_args.defense_type)", registry.OfKind(ComponentKind.Defense));
                    break;
                case "models":
                    ShowNamed("Models (model_args.model)", Components.Models());
                    break;
                case "datasets":
                    ShowNamed("Data sets (data_args.dataset)", Components.Datasets());
                    break;
                case "keys":
                    ShowKeys();
                    break;
            }
        }

        return 0;
    }

    private static void ShowComponents(string title, IReadOnlyList<ComponentDescriptor> components)
    {
        var table = new Table().Title(title).AddColumns("name", "what it does", "keys (type, default)");
        foreach (var c in components)
        {
            table.AddRow(Markup.Escape(c.Name), Markup.Escape(c.Summary), Markup.Escape(string.Join(Environment.NewLine, c.Parameters.Select(Describe))));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowNamed(string title, IReadOnlyList<(string Name, string Description)> items)
    {
        var table = new Table().Title(title).AddColumns("name", "description");
        foreach (var (name, description) in items)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(description));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowKeys()
    {
        var table = new Table().Title("Engine keys").AddColumns("key", "type", "default", "meaning");
        foreach (var p in EngineParameters.All)
        {
            table.AddRow(Markup.Escape(p.QualifiedKey), Markup.Escape(p.Parameter.TypeText), Markup.Escape(p.Parameter.DefaultText), Markup.Escape(p.Parameter.Description));
        }

        AnsiConsole.Write(table);
    }

    private static string Describe(IParameter p) => $"{p.Key} ({p.TypeText}, default {p.DefaultText})";
}
