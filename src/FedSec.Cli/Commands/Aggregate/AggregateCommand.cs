using FedSec.Simulation;
using FedSec.Data.Npy;
using FedSec.Interop;
using FedSec.Stages;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Aggregate;

/// <summary>
/// <c>fedsec aggregate</c>: applies a defense chain to a NumPy matrix of client models and writes the aggregate (and
/// the verdicts), so FedSec's defenses can be checked against Python implementations.
/// </summary>
internal sealed class AggregateCommand(IAnsiConsole console) : Command<AggregateSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Runs one server round of defenses on a NumPy matrix of client models, in the engine's order (before-aggregation "
        + "defenses as given, the one aggregation rule among them or FedAvg, then after-aggregation ones), to check FedSec against your own code.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, AggregateSettings settings, CancellationToken cancellationToken)
    {
        var request = AggregateInputs.Read(settings);
        var result = OfflineAggregation.Run(request, Components.CreateRegistry());
        NpyFile.Write(settings.Output!, result.Aggregate, result.Aggregate.Length);
        if (settings.Verdicts is { } verdicts)
        {
            VerdictsJson.Write(verdicts, result.Defenses);
        }

        foreach (string line in Lines(request, result, settings))
        {
            console.WriteLine(line);
        }

        return ExitCodes.Ok;
    }

    /// <summary>What was aggregated through which defenses, each defense's verdict counts, and what was written.</summary>
    internal static IEnumerable<string> Lines(OfflineAggregationRequest request, OfflineAggregationResult result, AggregateSettings settings)
    {
        string chain = string.Join(" → ", result.Defenses.Select(r => $"{r.Name} ({r.Stage.Word()})"));
        bool hasRule = result.Defenses.Any(r => r.Stage == DefenseStage.On);
        yield return $"Aggregated {request.Models.Count} client models of {request.Models[0].Length} values through {chain}{(hasRule ? string.Empty : " with FedAvg")}.";
        foreach (var r in result.Defenses.Where(r => r.Verdicts.Count > 0))
        {
            var counts = r.Verdicts.GroupBy(x => x.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Kind(g.Key)}");
            yield return $"  {r.Name}: {string.Join(", ", counts)}";
        }

        yield return $"Wrote {settings.Output}{(settings.Verdicts is null ? string.Empty : $" and {settings.Verdicts}")}.";
    }

    private static string Kind(VerdictKind kind) => kind.ToString().ToLowerInvariant();
}
