using System.Security.Cryptography;
using System.Text;
using FedSec.Network.Protocol;
using FedSec.Network.Status;
using FedSec.Simulation;

namespace FedSec.Network.Server;

/// <summary>
/// The server of a distributed run: admits nodes (<see cref="Join"/>), waits until every client is hosted, then runs
/// the rounds of an <see cref="ExperimentServer"/> (the simulation's own server half): plans a round, hands each node
/// its clients' task (<see cref="NextTaskAsync"/>), takes their updates (<see cref="UpdateIntake"/>), closes the round
/// when every needed client reported or was dropped (node lost, update rejected, deadline), and completes it with the
/// results assembled in sampling order, so the numbers are the simulation's whatever the nodes and their timing.
/// </summary>
public sealed partial class FederationCoordinator : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly object _gate = new();
    private readonly ExperimentServer _server;
    private readonly FederationOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly NodeRegistry _nodes;
    private readonly Dictionary<int, string> _lostReasons = new();
    private readonly SemaphoreSlim _wake = new(0);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RoundStatus> _history = new();
    private RoundState? _round;
    private string? _finished;
    private bool _streamingAnnounced;

    // The token Run was given: secure aggregation's steps run inside the experiment's round, which does not carry it.
    private CancellationToken _running;

    /// <summary>Prepares a server; nothing runs until <see cref="Run"/>.</summary>
    /// <param name="server">The experiment's server half, at the round to start from.</param>
    /// <param name="options">Timeouts, policies, admitted keys.</param>
    /// <param name="log">Receives one line per event (joins, drops, rejections).</param>
    /// <param name="time">The clock; the system's by default.</param>
    public FederationCoordinator(ExperimentServer server, FederationOptions options, Action<string> log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        _server = server;
        _options = options;
        _log = log ?? (_ => { });
        _time = time ?? TimeProvider.System;
        _nodes = new NodeRegistry(server.Config.ClientNumInTotal, options.ExpectedNodes);
        ConfigDigest = DigestOf(options.ConfigYaml);
        _secAgg = AttachPrivacy(server, options);
        if (options.OwnUpdateAttacksAtClients && server.OwnUpdateAttack is not null && !ForgesAtClients(server, options))
        {
            _log($"The own-update attack runs at the server: federated_optimizer {server.Config.FederatedOptimizer} rescales each update before the attack sees it, as in the simulation.");
        }

        _history.AddRange(server.Records.Select(StatusOf));
    }

    /// <summary>The SHA-256 of the configuration the nodes receive (what <c>fedsec client --expect-config</c> checks).</summary>
    public string ConfigDigest { get; }

    /// <summary>The bytes of messages exchanged with the nodes so far.</summary>
    public TrafficCounter Traffic { get; } = new();

    /// <summary>Called after each completed round (the round's record): write the round log, the checkpoint, the status.</summary>
    public Action<RoundRecord>? RoundCompleted { get; init; }

    /// <summary>Called when a round starts.</summary>
    public Action<RoundPlan>? RoundStarted { get; init; }

    /// <summary>The SHA-256 (hex) of a configuration text.</summary>
    public static string DigestOf(string configYaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configYaml)));

    /// <summary>
    /// Waits for every client to be hosted (at most <see cref="FederationOptions.JoinTimeout"/>), then runs the remaining
    /// rounds. Throws <see cref="FederationException"/> when the clients never all join or a round falls short of
    /// <c>min_clients</c> under <see cref="ShortfallPolicy.Fail"/>; the rounds completed so far were already reported.
    /// </summary>
    public ExperimentResult Run(CancellationToken cancellation = default)
    {
        _running = cancellation;
        try
        {
            if (!_server.Finished)
            {
                WaitForNodes(cancellation);
            }

            while (!_server.Finished)
            {
                RunRound(cancellation);
            }

            Finish(_server.Diverged is null ? "completed" : "diverged", _server.Diverged is null ? "The run completed." : "The run diverged.");
            return _server.Result();
        }
        catch (Exception e)
        {
            Finish("failed", e switch
            {
                FederationException => e.Message,
                OperationCanceledException => StoppedMessage,
                _ => "The server stopped on an error (its console names it).",
            });
            throw;
        }
    }

    /// <summary>What the nodes are told when the server is stopped (Ctrl-C, SIGTERM) before the run ended.</summary>
    public const string StoppedMessage =
        "The server was stopped before the run ended; 'fedsec server ... --resume' continues it after its last completed round (start the nodes again).";

    /// <inheritdoc />
    public void Dispose() => _wake.Dispose();

    /// <summary>Tells the nodes the run is over; their next poll returns it.</summary>
    public void Finish(string status, string message)
    {
        lock (_gate)
        {
            _finished ??= status + "\n" + message;
            Changed();
        }
    }

    private void WaitForNodes(CancellationToken cancellation)
    {
        long start = _time.GetTimestamp();
        IReadOnlyList<int> reported = Array.Empty<int>();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            IReadOnlyList<int> missing;
            lock (_gate)
            {
                ExpireSilentNodes();
                missing = _nodes.Unhosted();
            }

            if (missing.Count == 0)
            {
                return;
            }

            if (_time.GetElapsedTime(start) > _options.JoinTimeout)
            {
                throw new FederationException(
                    $"{NodeRegistry.Clients(missing)} {(missing.Count == 1 ? "has" : "have")} no node after {_options.JoinTimeout.TotalSeconds:0} s; start nodes that host {(missing.Count == 1 ? "it" : "them")} (fedsec client --server URL --clients {Ranges(missing)}), or give --join-timeout more time.");
            }

            if (!missing.SequenceEqual(reported))
            {
                reported = missing;
                _log($"Waiting for nodes: {missing.Count} client(s) not hosted yet ({Ranges(missing)}).");
            }

            _wake.Wait(Tick * 5, cancellation);
        }
    }

    /// <summary>Whether the malicious clients' nodes forge their own-update attacks (<c>--own-update-attacks client</c>, where the server allows it).</summary>
    private static bool ForgesAtClients(ExperimentServer server, FederationOptions options) =>
        options.OwnUpdateAttacksAtClients && server.CanForgeAtClients;

    private void RunRound(CancellationToken cancellation)
    {
        var plan = _server.Plan();
        bool forge = ForgesAtClients(_server, _options);
        RoundState round;
        lock (_gate)
        {
            _lostReasons.Clear();
            round = new RoundState(plan, forge, _server.OpenStream(plan, forge));
            _round = round;
            _relay = _secAgg is null ? null : new SecAggRelay(plan.Round);
            foreach (int c in plan.Sampled.Where(c => _nodes.HostOf(c) is null))
            {
                _lostReasons[c] = "no node hosted it when the round started";
            }

            Changed();
        }

        if (round.Stream is not null && !_streamingAnnounced)
        {
            _streamingAnnounced = true;
            _log($"Round {plan.Round + 1}: aggregating updates as they arrive (train_args.exact_sum): the server adds each to an exact sum and drops it; a round that needs every update (an attack in the server) holds them.");
        }

        RoundStarted?.Invoke(plan);
        int retries = 0;
        var deadline = _options.RoundTimeout;
        long opened = _time.GetTimestamp();
        while (true)
        {
            // A first wait ends early when no live node hosts what is missing (a lost node rejoins at the next round);
            // a retry waits its whole period for nodes to come back.
            WaitUntilClosable(round, opened, deadline, closeWhenOrphaned: retries == 0, cancellation);
            int configured = _server.Config.MinClients > 0 ? Math.Min(_server.Config.MinClients, plan.Sampled.Count) : plan.Sampled.Count;
            int needed;
            int reported;
            lock (_gate)
            {
                // A round an honest divergence ended needs no client after it (the run stops there, as in the simulation).
                needed = Math.Min(configured, round.Usable);
                reported = round.ReportedCount;
                if (reported >= needed || _options.OnShortfall == ShortfallPolicy.Fail || retries >= _options.Retries)
                {
                    round.Closed = true;
                }
            }

            if (round.Closed && reported < needed)
            {
                throw new FederationException(
                    $"Round {plan.Round + 1}: {reported} of {plan.Sampled.Count} sampled clients reported, fewer than {(needed < configured ? $"the {needed} it needs up to client {plan.Sampled[needed - 1]}, whose training diverged" : $"train_args.min_clients = {needed}")}{(retries > 0 ? $" after {retries} retries" : string.Empty)} ({Describe(Dropped(round))}); "
                    + "the rounds before it are recorded: restart the missing nodes and run 'fedsec server ... --resume', or lower train_args.min_clients.");
            }

            if (round.Closed)
            {
                break;
            }

            retries++;
            deadline = _options.RoundTimeout ?? _options.RetryWait;
            opened = _time.GetTimestamp();
            _log($"Round {plan.Round + 1}: {reported} of {needed} needed clients reported; retry {retries} of {_options.Retries}: waiting {deadline.Value.TotalSeconds:0} s more for nodes to come back.");
        }

        WaitForAdds(round, cancellation);
        ClientTraining training;
        IReadOnlyList<DroppedClient> dropped;
        lock (_gate)
        {
            dropped = Dropped(round);
            training = ClientTraining.Assemble(plan, round.Results);
        }

        foreach (var d in dropped)
        {
            _log($"Round {plan.Round + 1}: client {d.Client} dropped: {d.Reason}.");
        }

        var record = _server.Complete(plan, training, forge, round.Stream);
        record = record with { Dropped = [.. dropped, .. record.Dropped ?? [], .. SecAggDropped(plan.Round)], AttackRanAt = _server.AttackRanAt(forge) };
        lock (_gate)
        {
            _history.Add(StatusOf(record));
        }

        RoundCompleted?.Invoke(record);
    }

    // Waits until the round needs nothing more, or every client it waits for has no live node, or its deadline passed.
    private void WaitUntilClosable(RoundState round, long opened, TimeSpan? deadline, bool closeWhenOrphaned, CancellationToken cancellation)
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ExpireSilentNodes();
                var pending = round.Pending();
                if ((pending.Count == 0 && round.Adding == 0) || (closeWhenOrphaned && pending.Count > 0 && pending.All(c => _nodes.HostOf(c) is null)))
                {
                    return;
                }

                if (deadline is { } limit && _time.GetElapsedTime(opened) >= limit)
                {
                    foreach (int c in pending)
                    {
                        _lostReasons[c] = $"missed the {limit.TotalSeconds:0.#} s deadline";
                    }

                    return;
                }
            }

            _wake.Wait(Tick, cancellation);
        }
    }

    // A closed round takes no more updates; those accepted are still being added to its sum (a streamed round).
    private void WaitForAdds(RoundState round, CancellationToken cancellation)
    {
        while (true)
        {
            lock (_gate)
            {
                if (round.Adding == 0)
                {
                    return;
                }
            }

            _wake.Wait(Tick, cancellation);
        }
    }

    private List<DroppedClient> Dropped(RoundState round)
    {
        var missing = new HashSet<int>(round.Missing());
        var dropped = new List<DroppedClient>();
        foreach (int c in round.Plan.Sampled)
        {
            if (round.Rejected.TryGetValue(c, out var why))
            {
                dropped.Add(new DroppedClient(c, $"its update was rejected: {why}"));
            }
            else if (missing.Contains(c))
            {
                dropped.Add(new DroppedClient(c, _lostReasons.TryGetValue(c, out var lost) ? lost : "its node did not report it"));
            }
        }

        return dropped;
    }

    // Under the lock: sessions not heard from within the node timeout are lost; their clients pending in the round are dropped.
    private void ExpireSilentNodes()
    {
        long now = _time.GetTimestamp();
        long before = now - (long)(_options.NodeTimeout.TotalSeconds * _time.TimestampFrequency);
        foreach (var lost in _nodes.ExpireSilent(before))
        {
            _log($"Lost {lost} (no heartbeat for {_options.NodeTimeout.TotalSeconds:0} s); its clients {Ranges(lost.Clients)} are free to rejoin.");
            if (_round is { } round)
            {
                foreach (int c in round.PendingOf(lost.ClientSet))
                {
                    _lostReasons[c] = $"its {lost} stopped answering (no heartbeat for {_options.NodeTimeout.TotalSeconds:0} s)";
                }
            }

            Changed();
        }
    }

    // Under the lock: wakes every long-poll and the round loop.
    private void Changed()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
        _wake.Release();
    }

    private static string Describe(IReadOnlyList<DroppedClient> dropped) =>
        dropped.Count == 0 ? "no client was dropped" : string.Join("; ", dropped.Select(d => $"client {d.Client}: {d.Reason}"));

    /// <summary>"0-4,7" for 0, 1, 2, 3, 4, 7 (what <c>fedsec client --clients</c> reads).</summary>
    public static string Ranges(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().Order().ToList();
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
