using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Components;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.TestSupport;

/// <summary>
/// A section of its own (<c>test_args</c>) whose component implements every extension stage: it logs each call, adds
/// <see cref="Shift"/> on the clients, sets every update's weight to 1 on the server, can fail the aggregation, adds
/// 100 to the aggregate and reports a metric.
/// </summary>
internal sealed class RecordingExtension : IClientUpdateStage, IServerUpdateStage, IAggregationProtocol, IAggregateStage, IConstrainsSetup
{
    public static readonly BoolParameter EnableKey = new("enable_test", false, "Turns the test section on.");
    public static readonly DoubleParameter ShiftKey = new("test_shift", 0.5, "Added to every weight on the client.", min: 0);
    public static readonly IParameter[] Keys = { EnableKey, ShiftKey };

    private readonly List<string> _log;

    public RecordingExtension(List<string> log, double shift)
    {
        _log = log;
        Shift = shift;
    }

    public double Shift { get; }

    /// <summary>Rounds whose aggregation fails.</summary>
    public HashSet<int> FailIn { get; } = new();

    /// <summary>The defense names that make <see cref="Check"/> report a problem.</summary>
    public HashSet<string> Forbidden { get; } = new(StringComparer.Ordinal);

    public static ExtensionDescriptor Descriptor(List<string> log, Action<RecordingExtension>? configure = null) => new(
        "test_args",
        "A test section.",
        Keys,
        args =>
        {
            if (!args.Get(EnableKey))
            {
                return null;
            }

            var made = new RecordingExtension(log, args.Get(ShiftKey));
            configure?.Invoke(made);
            return made;
        });

    public float[] ProcessLocalModel(float[] local, ReadOnlySpan<float> global, ParameterLayout layout, ClientContext client)
    {
        _log.Add($"client_stage:{client.ClientId}");
        return local.Select(w => w + (float)Shift).ToArray();
    }

    public IReadOnlyList<ClientUpdate> ProcessUpdates(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("server_stage");
        return updates.Select(u => u with { AggregationWeight = 1 }).ToArray();
    }

    public AggregationOutcome Aggregate(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        _log.Add("protocol");
        return FailIn.Contains(context.Round)
            ? AggregationOutcome.FailedBecause("too few clients", context.Global.ToArray())
            : AggregationOutcome.Of(FedSec.Aggregation.WeightedMean.Of(updates));
    }

    public void ProcessAggregate(float[] aggregate, RoundContext context)
    {
        _log.Add("aggregate_stage");
        for (int i = 0; i < aggregate.Length; i++)
        {
            aggregate[i] += 100;
        }

        context.Metrics["test_metric"] = context.Round + 0.5;
    }

    public IEnumerable<ConfigProblem> Check((string Name, IAttack Instance)? attack, IReadOnlyList<(string Name, IDefense Instance)> defenses, IReadOnlyList<(string Section, IComponent Instance)> others) =>
        defenses.Where(d => Forbidden.Contains(d.Name)).Select(d => new ConfigProblem("test_args.enable_test", $"cannot run with '{d.Name}'"));
}
