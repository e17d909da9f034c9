using FedSec.Network.Protocol;
using FedSec.Simulation;

namespace FedSec.Network.Node;

/// <summary>
/// The round a node runs, from the server's task: who is sampled, whether and through whom the attack acts, and the
/// model each of the node's clients trains from. In an asynchronous run (FedAsync, FedBuff) the task carries, after the
/// current global model, each older model the node's clients start from (<see cref="TaskHeader.ModelStaleness"/>), and
/// each client's staleness: the plan gets them as the simulation's plan has them (<see cref="RoundPlan.StartModels"/>).
/// The attacker's directives (<see cref="RoundPlan.Directives"/>) are kept for the node's own clients only.
/// </summary>
internal static class TaskPlan
{
    /// <summary>
    /// The plan of <paramref name="header"/>'s round; <paramref name="models"/> is what <see cref="TaskAssembly.Complete"/>
    /// returned (checked there against the header).
    /// </summary>
    public static RoundPlan Of(TaskHeader header, float[] models, int modelLength)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(models);
        var global = header.ModelStaleness.Count == 0 ? models : models[..modelLength];
        var plan = new RoundPlan(header.Round, header.Sampled.ToList(), header.AttackActive, header.Malicious.ToHashSet(), header.AttackerIdentities.ToHashSet(), global)
        {
            DropEveryDivergence = header.DropEveryDivergence,
            Directives = header.Directives.Where(d => header.Clients.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value),
        };
        if (header.ModelStaleness.Count == 0)
        {
            return plan;
        }

        var byStaleness = header.ModelStaleness
            .Select((k, i) => (k, Model: i == 0 ? global : models[(i * modelLength)..((i + 1) * modelLength)]))
            .ToDictionary(p => p.k, p => p.Model);
        var staleness = header.Clients.Zip(header.Staleness).ToDictionary(p => p.First, p => p.Second);
        return plan with { Staleness = staleness, StartModels = staleness.ToDictionary(p => p.Key, p => byStaleness[p.Value]) };
    }
}
