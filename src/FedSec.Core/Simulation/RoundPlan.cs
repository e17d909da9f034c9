namespace FedSec.Simulation;

/// <summary>
/// What the server decided at the start of a round, before any client trains: who takes part, whether the attack
/// acts and through which clients, and the global model the clients start from. The simulation hands it to its own
/// clients; a distributed server sends each node the part it needs.
/// </summary>
/// <param name="Round">The zero-based round index.</param>
/// <param name="Sampled">The clients sampled this round, in sampling order (the order updates are assembled in).</param>
/// <param name="AttackActive">Whether the attack acts this round (round window and <c>attack_prob</c>).</param>
/// <param name="Malicious">The malicious clients among <paramref name="Sampled"/> whose attack acts this round.</param>
/// <param name="AttackerIdentities">
/// What a malicious client's components see as the attack's identities (<see cref="Stages.ClientContext.MaliciousClients"/>):
/// the experiment's fixed identities, or this round's malicious clients under per-round selection.
/// </param>
/// <param name="Global">The global model the clients start from (read it, do not change it).</param>
public sealed record RoundPlan(
    int Round,
    IReadOnlyList<int> Sampled,
    bool AttackActive,
    IReadOnlySet<int> Malicious,
    IReadOnlySet<int> AttackerIdentities,
    float[] Global)
{
    /// <summary>
    /// Whether <paramref name="client"/>'s local training turning non-finite ends the round (and the run): an honest
    /// client's does, the global model is broken; a malicious client's does not, its update is left out
    /// (<see cref="ClientTraining.Assemble(RoundPlan, IReadOnlyDictionary{int, ClientResult})"/>). With
    /// <see cref="DropEveryDivergence"/> none does.
    /// </summary>
    public bool DivergenceEndsRound(int client) => !DropEveryDivergence && !Malicious.Contains(client);

    /// <summary>
    /// True when every client whose local training diverged is left out of the round like a malicious one, so that the
    /// round ends only when no update is left: a distributed server that does not trust its nodes' reports of an honest
    /// divergence (a compromised node could otherwise end the run with one) sets it. False in the simulation.
    /// </summary>
    public bool DropEveryDivergence { get; init; }

    /// <summary>
    /// What the attacker's side told some of the malicious clients to train this round, by client
    /// (<see cref="Stages.IDirectsClients"/>; <see cref="Stages.ClientContext.Directive"/>); empty for most attacks.
    /// </summary>
    public IReadOnlyDictionary<int, int> Directives { get; init; } = new Dictionary<int, int>();

    /// <summary>When the round started (<see cref="TimeProvider.GetTimestamp"/> of the server's clock), for its duration.</summary>
    public long StartedAt { get; init; }

    /// <summary>
    /// In an asynchronous run (FedAsync, FedBuff), each sampled client's staleness: the server steps between the model
    /// version it was dispatched with and this step, by identity. Null in a synchronous run.
    /// </summary>
    public IReadOnlyDictionary<int, int>? Staleness { get; init; }

    /// <summary>
    /// In an asynchronous run, the model each sampled client trains from (the global model of step
    /// <see cref="Round"/> minus its staleness), by identity. Null in a synchronous run: every client trains from
    /// <see cref="Global"/>.
    /// </summary>
    public IReadOnlyDictionary<int, float[]>? StartModels { get; init; }

    /// <summary>The model <paramref name="clientId"/> trains from: its start model in an asynchronous run, else <see cref="Global"/>.</summary>
    public float[] StartModel(int clientId) => StartModels is { } models && models.TryGetValue(clientId, out var model) ? model : Global;
}
