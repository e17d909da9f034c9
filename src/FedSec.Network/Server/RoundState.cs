using FedSec.Simulation;

namespace FedSec.Network.Server;

/// <summary>
/// One round on the server while nodes train: the plan, the results that arrived and the clients rejected. The round
/// needs every sampled client up to the first honest one whose training diverged (in sampling order; the ones after it
/// are not used). Not thread-safe: the coordinator calls it under its lock.
/// </summary>
internal sealed class RoundState
{
    private readonly Dictionary<int, int> _position = new();
    private readonly Dictionary<int, ClientResult> _results = new();
    private readonly Dictionary<int, string> _rejected = new();
    private int _firstDiverged = int.MaxValue;

    public RoundState(RoundPlan plan, bool forgeOwnUpdates, StreamedRound? stream = null)
    {
        Plan = plan;
        ForgeOwnUpdates = forgeOwnUpdates;
        Stream = stream;
        for (int i = 0; i < plan.Sampled.Count; i++)
        {
            _position[plan.Sampled[i]] = i;
        }
    }

    public RoundPlan Plan { get; }

    public int Round => Plan.Round;

    /// <summary>Whether the nodes run the own-update attack this round.</summary>
    public bool ForgeOwnUpdates { get; }

    /// <summary>
    /// With <c>train_args.exact_sum</c> and no stage that needs every update: the sum each accepted update is added to as
    /// it arrives (its vector is then dropped); null: the round holds every update.
    /// </summary>
    public StreamedRound? Stream { get; }

    /// <summary>Accepted updates still being added to <see cref="Stream"/> (outside the coordinator's lock); the round completes at 0.</summary>
    public int Adding { get; set; }

    /// <summary>True once the server stopped taking updates for it.</summary>
    public bool Closed { get; set; }

    public IReadOnlyDictionary<int, ClientResult> Results => _results;

    public IReadOnlyDictionary<int, string> Rejected => _rejected;

    public bool IsSampled(int client) => _position.ContainsKey(client);

    public bool HasResult(int client) => _results.ContainsKey(client);

    /// <summary>Whether the round still wants this client's update.</summary>
    public bool Wants(int client) =>
        !Closed && _position.TryGetValue(client, out int at) && at < _firstDiverged && !_results.ContainsKey(client) && !_rejected.ContainsKey(client);

    /// <summary>The sampled clients the round still waits for, in sampling order.</summary>
    public IReadOnlyList<int> Pending() => Plan.Sampled.Where(Wants).ToList();

    /// <summary>The sampled clients the round needs (before the first divergence) with neither a result nor a rejection, open or closed.</summary>
    public IReadOnlyList<int> Missing() =>
        Plan.Sampled.Where(c => _position[c] <= _firstDiverged && !_results.ContainsKey(c) && !_rejected.ContainsKey(c)).ToList();

    /// <summary>A node's clients the round still wants, in sampling order.</summary>
    public IReadOnlyList<int> PendingOf(IReadOnlySet<int> hosted) => Plan.Sampled.Where(c => hosted.Contains(c) && Wants(c)).ToList();

    public void Accept(ClientResult result)
    {
        _results[result.ClientId] = result;
        if (result.DivergedReason is not null && Plan.DivergenceEndsRound(result.ClientId))
        {
            _firstDiverged = Math.Min(_firstDiverged, _position[result.ClientId]);
        }
    }

    public void Reject(int client, string reason) => _rejected[client] = reason;

    /// <summary>
    /// How many clients the round can use: every sampled one, or, after an honest divergence (which ends the run), those
    /// up to it in sampling order.
    /// </summary>
    public int Usable => _firstDiverged == int.MaxValue ? Plan.Sampled.Count : _firstDiverged + 1;

    /// <summary>The clients reported that the round uses (those before the first divergence, and it).</summary>
    public int ReportedCount => _results.Keys.Count(c => _position[c] <= _firstDiverged);
}
