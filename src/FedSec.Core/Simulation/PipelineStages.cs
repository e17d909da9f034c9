using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// The configured attack and defenses sorted into FedMLSecurity's injection points. A component runs at every stage
/// whose interface it implements (the paper's <c>is_*</c> enabler functions).
/// </summary>
internal sealed class PipelineStages
{
    public PipelineStages(ExperimentSetup setup)
    {
        var attack = setup.Attack?.Instance;
        DataPoisoning = attack as IDataPoisoningAttack;
        TextPoisoning = attack as ITextBackdoorAttack;
        ModelPoisoning = attack as IModelPoisoningAttack;
        LocalConstraint = attack as IConstrainsLocalTraining;
        LocalObjective = attack as IShapesLocalObjective;
        Reconstruction = attack as IDataReconstructionAttack;
        Controls = attack as IControlsClients;
        AttackRounds = attack as IChoosesAttackRounds;
        var before = new List<(string, IBeforeAggregationDefense)>();
        var after = new List<(string, IAfterAggregationDefense)>();
        var on = new List<(string, IOnAggregationDefense)>();
        foreach (var (name, d, _) in setup.Defenses)
        {
            bool any = false;
            if (d is IBeforeAggregationDefense b)
            {
                before.Add((name, b));
                any = true;
            }

            if (d is IOnAggregationDefense o)
            {
                on.Add((name, o));
                any = true;
            }

            if (d is IAfterAggregationDefense a)
            {
                after.Add((name, a));
                any = true;
            }

            if (!any)
            {
                throw new ConfigException("defense_args.defense_type", $"'{name}' implements no defense stage (before, on or after aggregation).");
            }
        }

        var extensions = setup.Extensions;
        ClientStages = extensions.Where(e => e.Instance is IClientUpdateStage).Select(e => (e.Section, (IClientUpdateStage)e.Instance)).ToArray();
        ServerStages = extensions.Where(e => e.Instance is IServerUpdateStage).Select(e => (e.Section, (IServerUpdateStage)e.Instance)).ToArray();
        AggregateStages = extensions.Where(e => e.Instance is IAggregateStage).Select(e => (e.Section, (IAggregateStage)e.Instance)).ToArray();
        var protocols = extensions.Where(e => e.Instance is IAggregationProtocol).Select(e => (e.Section, (IAggregationProtocol)e.Instance)).ToArray();
        if (protocols.Length + on.Count > 1)
        {
            var names = on.Select(o => $"the defense '{o.Item1}'").Concat(protocols.Select(p => $"{p.Section}'s protocol"));
            throw new ConfigException(
                "defense_args.defense_type",
                $"{string.Join(" and ", names)} each replace the aggregation; a run may hold at most one aggregation rule.");
        }

        Protocol = protocols.Length == 1 ? protocols[0] : null;

        if (on.Count > 1)
        {
            throw new ConfigException(
                "defense_args.defense_type",
                $"{string.Join(" and ", on.Select(o => $"'{o.Item1}'"))} each replace the aggregation; a chain may hold at most one aggregation rule (put filters and clipping before it).");
        }

        Before = before;
        On = on.Count == 1 ? on[0] : null;
        After = after;
    }

    public IDataPoisoningAttack? DataPoisoning { get; }

    public ITextBackdoorAttack? TextPoisoning { get; }

    public IModelPoisoningAttack? ModelPoisoning { get; }

    public IConstrainsLocalTraining? LocalConstraint { get; }

    public IShapesLocalObjective? LocalObjective { get; }

    public IDataReconstructionAttack? Reconstruction { get; }

    public IControlsClients? Controls { get; }

    /// <summary>The attack's own choice of rounds within the schedule, when it makes one.</summary>
    public IChoosesAttackRounds? AttackRounds { get; }

    public IReadOnlyList<(string Name, IBeforeAggregationDefense Defense)> Before { get; }

    public (string Name, IOnAggregationDefense Defense)? On { get; }

    public IReadOnlyList<(string Name, IAfterAggregationDefense Defense)> After { get; }

    /// <summary>Run on each client's trained model before it is sent (local DP, client-side clipping).</summary>
    public IReadOnlyList<(string Section, IClientUpdateStage Stage)> ClientStages { get; }

    /// <summary>Run on the received updates after the model-poisoning attack, before the first defense (DP clipping).</summary>
    public IReadOnlyList<(string Section, IServerUpdateStage Stage)> ServerStages { get; }

    /// <summary>The protocol that replaces the aggregation (secure aggregation), if any.</summary>
    public (string Section, IAggregationProtocol Protocol)? Protocol { get; }

    /// <summary>Run on the aggregate before the server optimizer (central DP noise).</summary>
    public IReadOnlyList<(string Section, IAggregateStage Stage)> AggregateStages { get; }
}
