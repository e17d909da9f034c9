using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// The clients' half of an experiment: trains a round's clients from the plan's global model, each on its own data,
/// with the malicious ones poisoning their data or constraining their training first (<see cref="ClientRound"/>), and,
/// when asked, forges the malicious clients' own updates with an <see cref="IOwnUpdateAttack"/> as a real attacker's
/// process would. The simulation trains every sampled client here; a node trains the clients it hosts.
/// </summary>
public sealed class ExperimentClients
{
    private readonly ExperimentSetup _setup;
    private readonly IModelBackend _backend;
    private readonly SeedStreams _seeds;
    private readonly PipelineStages _stages;
    private readonly ClientRound _round;
    private readonly LocalTrainingSettings _settings;

    internal ExperimentClients(ExperimentSetup setup, IModelBackend backend, ExperimentData data, SeedStreams seeds, PipelineStages stages)
    {
        _setup = setup;
        _backend = backend;
        _seeds = seeds;
        _stages = stages;
        _round = new ClientRound(backend, data, seeds, stages, setup.Config.TriggerOnly);
        _settings = ExperimentServer.LocalTrainingSettingsOf(setup.Config);
    }

    /// <summary>The model's layout.</summary>
    public ParameterLayout Layout => _backend.Layout;

    /// <summary>The model-poisoning attack, when it forges each update from that update alone.</summary>
    public IOwnUpdateAttack? OwnUpdateAttack => _stages.ModelPoisoning as IOwnUpdateAttack;

    /// <summary>
    /// The state of the attack after this node's training, when its trigger adapts, or what <paramref name="client"/>
    /// found (<see cref="AttackStateTransfer"/>): sent with that malicious client's update so that the server measures
    /// the attack with the trigger in use and its attacker's side of the round has what the clients found.
    /// </summary>
    public byte[]? AttackState(int client) => AttackStateTransfer.Export(_setup.Attack?.Instance, client);

    /// <summary>
    /// Trains <paramref name="clients"/> (in this order) for the planned round. The results are in the same order; a
    /// client whose training diverged says so, and the clients after it are not trained (null).
    /// </summary>
    public IReadOnlyList<ClientResult?> Train(RoundPlan plan, IReadOnlyList<int> clients, IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(clients);
        return _round.Train(plan, clients, _settings, observer, cancellation);
    }

    /// <summary>
    /// Runs the own-update attack (<see cref="OwnUpdateAttack"/>) on the malicious clients among <paramref name="results"/>
    /// in an active round, as their own processes: each forged update depends only on that client's update, the global
    /// model and the client's seeded streams, so it is the update the server would have forged. Returns the results with
    /// the malicious ones replaced (diverged results are left as they are: the round stops at them).
    /// </summary>
    public IReadOnlyList<ClientResult> ForgeOwnUpdates(RoundPlan plan, IReadOnlyList<ClientResult> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(results);
        if (!plan.AttackActive || OwnUpdateAttack is not { } attack || plan.Malicious.Count == 0)
        {
            return results;
        }

        var own = results.Where(r => plan.Malicious.Contains(r.ClientId) && r.DivergedReason is null).ToList();
        if (own.Count == 0)
        {
            return results;
        }

        var context = new RoundContext
        {
            Round = plan.Round,
            TotalRounds = _setup.Config.CommRound,
            Global = plan.Global,
            Layout = _backend.Layout,
            SampledClients = plan.Sampled,
            MaliciousClients = plan.Malicious,
            Seeds = _seeds,
            TotalClients = _setup.Config.ClientNumInTotal,
        };
        var forged = attack.AttackModel(own.Select(r => new ClientUpdate(r.ClientId, r.SampleCount, r.Weights)).ToList(), context);
        if (forged.Count != own.Count)
        {
            throw new InvalidUpdateException($"The model-poisoning attack returned {forged.Count} updates for {own.Count}; it must return one per client, in order.");
        }

        var byId = new Dictionary<int, float[]>();
        for (int i = 0; i < own.Count; i++)
        {
            byId[own[i].ClientId] = forged[i].Weights;
        }

        return results.Select(r => byId.TryGetValue(r.ClientId, out var w) ? r with { Weights = w } : r).ToList();
    }
}
