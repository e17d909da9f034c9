using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Privacy.SecureAggregation;
using FedSec.ServerOptimizers;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Network.Server;

/// <summary>
/// Privacy in a distributed run. Differential privacy needs nothing here: local DP and client-side clipping are client
/// stages (they run in the nodes), central DP's clipping and noise and the accountant are server stages. Secure
/// aggregation's server side is this <see cref="ISecAggExchange"/>: nodes report each trained client with its public
/// keys (no update), and when the server's round reaches the aggregation the coordinator relays the keys and the
/// encrypted shares, sums the masked inputs and unmasks the sum with the revealed shares (FedSec.Privacy's
/// <see cref="SecAggServer"/>); the server never receives an unmasked update.
/// </summary>
public sealed partial class FederationCoordinator : ISecAggExchange
{
    private readonly SecureAggregationProtocol? _secAgg;
    private SecAggRelay? _relay;

    /// <summary>Whether the run aggregates securely (nodes report keys and masked vectors, never updates).</summary>
    public bool SecureAggregation => _secAgg is not null;

    /// <summary>How many plain updates the server started to receive (none under secure aggregation).</summary>
    internal int PlainUpdatesOpened { get; private set; }

    /// <summary>
    /// Refuses what cannot run distributed with the configured privacy sections, and hooks secure aggregation's server
    /// side into the experiment's protocol.
    /// </summary>
    private SecureAggregationProtocol? AttachPrivacy(ExperimentServer server, FederationOptions options)
    {
        var components = server.Extensions.Select(e => e.Instance).ToList();
        if (components.OfType<ClientClippedDp>().FirstOrDefault() is { Options.Adaptive: true })
        {
            // The clients' clipping decides adaptive clipping's count, and the nodes do not report it.
            throw new FederationException("dp_args: dp_clip with adaptive clipping does not run distributed yet (the server's clip-norm update needs which clients' updates were within the norm, and the nodes do not report it); use cdp with adaptive clipping, or a fixed clipping_norm.");
        }

        if (components.OfType<SecureAggregationProtocol>().FirstOrDefault() is not { } secAgg)
        {
            return null;
        }

        if (secAgg.Options.DropoutRate > 0)
        {
            throw new FederationException($"secure_aggregation_args.dropout_rate = {secAgg.Options.DropoutRate} simulates dropouts; in a distributed run clients drop out for real (a node that stops is recovered from its shares): set it to 0.");
        }

        if (server.PoisonsModels && !(server.OwnUpdateAttack is not null && options.OwnUpdateAttacksAtClients))
        {
            throw new FederationException(server.OwnUpdateAttack is null
                ? "secure_aggregation_args: the configured attack poisons models at the server from every client's update, which a secure-aggregation server never holds; choose an attack its clients run themselves (byzantine, sign flip, Gaussian noise, lazy worker, or data poisoning)."
                : "secure_aggregation_args: the own-update attack must run at the malicious clients (--own-update-attacks client), since the server never holds their updates.");
        }

        if (server.Optimizer is IPreparesUpdates)
        {
            throw new FederationException($"secure_aggregation_args with federated_optimizer {server.Config.FederatedOptimizer} does not run distributed: it rescales each update at the server, which never holds them; use FedAvg, FedProx, FedAvgM or FedAdam.");
        }

        secAgg.Exchange = this;
        return secAgg;
    }

    /// <inheritdoc />
    SecAggExchangeResult ISecAggExchange.Run(SecAggRoundSpec spec, RoundContext context)
    {
        SecAggRelay relay;
        lock (_gate)
        {
            relay = _relay ?? throw new InvalidOperationException("Secure aggregation ran outside a round.");
            relay.Spec = spec;
            relay.Server = new SecAggServer(spec.Length, spec.Threshold, spec.Neighbours);
            foreach (int c in spec.Participants)
            {
                relay.Server.ReceiveKeys(relay.Keys[c]);
            }

            relay.Step = SecAggStep.SecaggShares;
            Changed();
        }

        WaitForStep(relay);
        lock (_gate)
        {
            // Bonawitz et al.'s U₂: a client that dropped before sharing is out of the round (a dropout, not a failed
            // round); its neighbours mask only with the clients whose shares they are relayed.
            foreach (int c in spec.Participants.Where(c => !relay.SharedBy.Contains(c)))
            {
                relay.Server.LeftBeforeSharing(c);
            }

            relay.Step = SecAggStep.SecaggMasked;
            Changed();
        }

        WaitForStep(relay);
        lock (_gate)
        {
            relay.Survivors = relay.Server.Survivors.ToHashSet();
            relay.Step = SecAggStep.SecaggUnmask;
            Changed();
        }

        WaitForStep(relay);
        lock (_gate)
        {
            var (sum, failure) = relay.Server.Unmask(relay.Revealed);
            failure = WithDropReasons(relay, failure);
            relay.Step = SecAggStep.SecaggDone;
            Changed();
            if (failure is not null)
            {
                _log($"Round {spec.Round + 1}: secure aggregation failed: {failure}.");
            }

            return new SecAggExchangeResult(sum, failure, relay.Survivors, relay.Saturated);
        }
    }

    // Waits until every participant due in the step answered or dropped: its node was lost or joined again, or the step's
    // deadline passed (FederationOptions.SecAggStepDeadline: without --round-timeout a multiple of the node timeout, so a
    // node that heartbeats but never answers cannot hold the server). Ends early when the run is cancelled.
    private void WaitForStep(SecAggRelay relay)
    {
        long opened = _time.GetTimestamp();
        string step = StepName(relay.Step);
        var limit = _options.SecAggStepDeadline;
        while (true)
        {
            _running.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ExpireSilentNodes();
                var pending = relay.Pending();
                foreach (int c in pending)
                {
                    if (_nodes.HostOf(c) is not { } host)
                    {
                        string? left = relay.ReportedBy.TryGetValue(c, out var id) ? _nodes.Find(id)?.LeftReason : null;
                        DropFromSecAgg(relay, c, left is null
                            ? $"its node stopped answering in secure aggregation's {step} step"
                            : $"its node left in secure aggregation's {step} step: {left}");
                    }
                    else if (relay.ReportedBy.GetValueOrDefault(c) != host.Id)
                    {
                        // A node that joined again holds none of the client's secrets for this round.
                        DropFromSecAgg(relay, c, $"its node joined again and lost the client's secure aggregation keys for the round ({step} step)");
                    }
                }

                if (_time.GetElapsedTime(opened) >= limit)
                {
                    foreach (int c in relay.Pending())
                    {
                        DropFromSecAgg(relay, c, $"missed the {limit.TotalSeconds:0.#} s deadline in secure aggregation's {step} step");
                    }
                }

                if (relay.Pending().Count == 0)
                {
                    return;
                }
            }

            _wake.Wait(Tick, _running);
        }
    }

    // Under the lock.
    private void DropFromSecAgg(SecAggRelay relay, int client, string reason)
    {
        if (relay.Dropped.TryAdd(client, reason))
        {
            _log($"Round {relay.Round + 1}: client {client} dropped out of secure aggregation: {reason}.");
            Changed();
        }
    }

    // Under the lock: a failure names each client that dropped out, and where and why, so that the round's record says
    // which client and step left too few of them.
    private static string? WithDropReasons(SecAggRelay relay, string? failure) =>
        failure is null || relay.Dropped.Count == 0
            ? failure
            : $"{failure} (dropped out: {string.Join("; ", relay.Dropped.Select(d => $"client {d.Key}: {d.Value}"))})";

    private static string StepName(SecAggStep step) => step switch
    {
        SecAggStep.SecaggShares => "share",
        SecAggStep.SecaggMasked => "masked-input",
        SecAggStep.SecaggUnmask => "unmasking",
        _ => "report",
    };

    /// <summary>The clients that dropped out of the round's secure aggregation, for its record.</summary>
    private IReadOnlyList<DroppedClient> SecAggDropped(int round)
    {
        lock (_gate)
        {
            return _relay is { } relay && relay.Round == round
                ? relay.Dropped.Select(d => new DroppedClient(d.Key, d.Value)).ToList()
                : Array.Empty<DroppedClient>();
        }
    }

    /// <summary>
    /// Waits (at most <see cref="PollWait"/>) until the round's secure aggregation is at a step after
    /// the poll's step that the node's clients have to answer, or is over (DONE; also when the round ended
    /// without it, or the run did); NONE: ask again.
    /// </summary>
    internal async Task<SecAggTask> SecAggNextAsync(SecAggPoll poll, CancellationToken cancellation)
    {
        long start = _time.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var session = LiveSession(poll.Session);
                session.LastSeen = _time.GetTimestamp();
                if (_finished is not null || _relay is not { } relay || relay.Round != poll.Round || relay.Step == SecAggStep.SecaggDone)
                {
                    return new SecAggTask { Round = poll.Round, Step = SecAggStep.SecaggDone };
                }

                if (relay.Step > poll.AfterStep && relay.Step != SecAggStep.SecaggReport && TaskOf(relay, session) is { Clients.Count: > 0 } task)
                {
                    return task;
                }

                changed = _changed.Task;
            }

            var left = PollWait - _time.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return new SecAggTask { Round = poll.Round, Step = SecAggStep.SecaggNone };
            }

            await Task.WhenAny(changed, Task.Delay(left, _time, cancellation)).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    // Under the lock: what the node's clients due in the current step need.
    private static SecAggTask TaskOf(SecAggRelay relay, NodeSession session)
    {
        var spec = relay.Spec!;
        var task = new SecAggTask
        {
            Round = relay.Round,
            Step = relay.Step,
            Threshold = spec.Threshold,
            ClippingRange = spec.ClippingRange,
            QuantizationRange = spec.QuantizationRange,
            VectorLength = spec.Length,
        };
        foreach (int c in relay.Pending().Where(session.ClientSet.Contains))
        {
            var client = new SecAggClientTask { Client = c };
            switch (relay.Step)
            {
                case SecAggStep.SecaggShares:
                    client.NeighbourKeys.AddRange(spec.Neighbours[c].Select(v => SecAggWire.ToWire(relay.Keys[v])));
                    break;
                case SecAggStep.SecaggMasked:
                    client.Scale = spec.Scales[c];
                    client.Shares.AddRange(relay.SharesTo.GetValueOrDefault(c, []).Select(SecAggWire.ToWire));
                    break;
            }

            task.Clients.Add(client);
        }

        if (relay.Step == SecAggStep.SecaggUnmask)
        {
            task.Survivors.AddRange(relay.Survivors.Order());
        }

        return task;
    }
}
