using FedSec.Simulation;
using FedSec.Data.Npy;
using System.Globalization;
using FedSec.Interop;
using FedSec.Stages;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary>
/// <c>fedsec aggregate</c>: applies a defense chain to a NumPy matrix of client models and writes the aggregate (and
/// the verdicts), so FedSec's defenses can be checked against Python implementations.
/// </summary>
internal static class AggregateCommand
{
    public static int Execute(string[] args)
    {
        var parsed = ParsedArgs.Parse(args, "help");
        if (parsed.Switch("help"))
        {
            AnsiConsole.WriteLine(HelpText.Aggregate);
            return 0;
        }

        if (parsed.Positional.Count > 0)
        {
            throw new UsageException($"'fedsec aggregate' takes only options, not {string.Join(" ", parsed.Positional)}; see 'fedsec aggregate --help'.");
        }

        var defenses = parsed.Options("defense");
        var parameters = parsed.Options("param");
        string input = parsed.Option("input") ?? throw new UsageException("'fedsec aggregate' needs --input updates.npy (an n × d float32 matrix, one row per client).");
        string output = parsed.Option("output") ?? throw new UsageException("'fedsec aggregate' needs --output result.npy (where the aggregate goes).");
        string? globalPath = parsed.Option("global");
        string? weightsPath = parsed.Option("weights");
        string? verdictsPath = parsed.Option("verdicts");
        long seed = parsed.Option("seed") is { } s
            ? long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : throw new UsageException($"--seed expects a whole number, not '{s}'.")
            : 0;
        parsed.RejectUnknown("aggregate");
        if (defenses.Count == 0)
        {
            throw new UsageException("'fedsec aggregate' needs at least one --defense NAME (repeat it for a chain); 'fedsec list defenses' shows the names.");
        }

        var models = NpyFile.ReadFloat32Matrix(input);
        int n = models.Length, d = models[0].Length;
        float[]? global = null;
        if (globalPath is not null)
        {
            global = NpyFile.ReadFloat32Vector(globalPath);
            if (global.Length != d)
            {
                throw new NpyFormatException(globalPath, $"{globalPath} holds {global.Length} values, but the models in {input} have d = {d}; the global model must have the same length.");
            }
        }

        double[]? weights = null;
        if (weightsPath is not null)
        {
            var w = NpyFile.ReadFloat32Vector(weightsPath);
            if (w.Length != n)
            {
                throw new NpyFormatException(weightsPath, $"{weightsPath} holds {w.Length} weights, but {input} has n = {n} clients; give one weight per client.");
            }

            int negative = Array.FindIndex(w, x => x < 0);
            if (negative >= 0 || w.Sum() <= 0)
            {
                throw new NpyFormatException(weightsPath, negative >= 0
                    ? $"{weightsPath} gives client {negative} the weight {w[negative].ToString(CultureInfo.InvariantCulture)}; weights must be non-negative."
                    : $"{weightsPath}: the weights sum to zero; at least one client needs a positive weight.");
            }

            weights = w.Select(x => (double)x).ToArray();
        }

        var result = OfflineAggregation.Run(
            new OfflineAggregationRequest
            {
                Defenses = defenses,
                Parameters = parameters,
                Models = models,
                Global = global,
                Weights = weights,
                Seed = seed,
            },
            Components.CreateRegistry());

        NpyFile.Write(output, result.Aggregate, result.Aggregate.Length);
        if (verdictsPath is not null)
        {
            VerdictsJson.Write(verdictsPath, result.Defenses);
        }

        AnsiConsole.WriteLine($"Aggregated {n} client models of {d} values through {string.Join(" → ", result.Defenses.Select(r => $"{r.Name} ({r.Stage.Word()})"))}{(result.Defenses.Any(r => r.Stage == DefenseStage.On) ? string.Empty : " with FedAvg")}.");
        foreach (var r in result.Defenses.Where(r => r.Verdicts.Count > 0))
        {
            var counts = r.Verdicts.GroupBy(x => x.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Kind(g.Key)}");
            AnsiConsole.WriteLine($"  {r.Name}: {string.Join(", ", counts)}");
        }

        AnsiConsole.WriteLine($"Wrote {output}{(verdictsPath is null ? string.Empty : $" and {verdictsPath}")}.");
        return 0;
    }

    private static string Kind(VerdictKind kind) => kind.ToString().ToLowerInvariant();
}
