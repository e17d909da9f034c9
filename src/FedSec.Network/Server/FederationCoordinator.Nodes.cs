using FedSec.Parameters;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using FedSec.Simulation;
using Google.Protobuf;
using Grpc.Core;

namespace FedSec.Network.Server;

/// <summary>The coordinator's side of the node calls: join, heartbeat, the next task and the updates.</summary>
public sealed partial class FederationCoordinator
{
    /// <summary>How long a task poll waits before it returns nothing and the node asks again.</summary>
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The version of the protocol this server speaks (3: updates carry and sign an attack state; 4: asynchronous tasks
    /// carry each client's staleness and the older models they start from; 5: a task says whether the server drops
    /// every diverged client, so the node trains the clients after one; 6: the attack state travels in chunks after the
    /// model's, since 3DFed's curvature of a million-weight layer exceeds a message; 7: a task carries what the attacker's
    /// side told the node's malicious clients to train, 3DFed's decoys).
    /// </summary>
    public const int ProtocolVersion = 7;

    /// <summary>The most characters of a node's text (why it leaves, why a client diverged) that the server keeps.</summary>
    private const int MaxNodeText = 300;

    /// <summary>The longest node name the server admits.</summary>
    private const int MaxNodeName = 100;

    /// <summary>The length of the model every update must have.</summary>
    private int ModelLength => _server.Layout.Length;

    /// <summary>Admits a node, or throws <see cref="JoinRefusedException"/> with the sentence it prints.</summary>
    internal JoinReply Join(JoinRequest request)
    {
        if (request.ProtocolVersion != ProtocolVersion)
        {
            throw new JoinRefusedException(StatusCode.FailedPrecondition, $"This server speaks protocol {ProtocolVersion}; the node speaks {request.ProtocolVersion}: run the same fedsec version on both.");
        }

        if (request.NodeName.Length is 0 or > MaxNodeName || request.NodeName.Any(char.IsControl))
        {
            throw new JoinRefusedException(StatusCode.InvalidArgument, $"A node's name must be 1-{MaxNodeName} printable characters (--name), not {request.NodeName.Length} characters{(request.NodeName.Any(char.IsControl) ? " with control characters" : string.Empty)}.");
        }

        if (request.ExpectConfigDigest.Length > 0 && !string.Equals(request.ExpectConfigDigest, ConfigDigest, StringComparison.OrdinalIgnoreCase))
        {
            throw new JoinRefusedException(StatusCode.FailedPrecondition, $"The server runs configuration {ConfigDigest}, not the {request.ExpectConfigDigest} this node expects (--expect-config): check that both name the same config file and overrides.");
        }

        byte[]? key = request.PublicKey.IsEmpty ? null : request.PublicKey.ToByteArray();
        string keyName = "no key";
        if (_options.AllowList is { } allow)
        {
            if (key is null)
            {
                throw new JoinRefusedException(StatusCode.Unauthenticated, "This server admits only nodes with a key in its allow-list; start the node with --key node-N.key ('fedsec certs create' makes them).");
            }

            if (!allow.Admits(key, out keyName))
            {
                throw new JoinRefusedException(StatusCode.PermissionDenied, $"The node key {NodeKey.FingerprintOf(key)} is not in the server's allow-list; add its line ({AllowList.Line(key, request.NodeName)}) to the allow-list and restart the server, or use a listed key.");
            }

            var skew = TimeSpan.FromMilliseconds(Math.Abs(_time.GetUtcNow().ToUnixTimeMilliseconds() - request.TimestampUnixMs));
            if (skew > _options.JoinClockSkew)
            {
                throw new JoinRefusedException(StatusCode.Unauthenticated, $"The join request is dated {skew.TotalSeconds:0} s away from the server's clock (at most {_options.JoinClockSkew.TotalSeconds:0} s): set the node's clock right.");
            }

            if (!NodeKey.Verify(key, SignedBytes.Join(request), request.Signature.ToByteArray()))
            {
                throw new JoinRefusedException(StatusCode.Unauthenticated, $"The join request's signature does not match the node key {NodeKey.FingerprintOf(key)}.");
            }
        }

        NodeSession session;
        lock (_gate)
        {
            if (_finished is not null)
            {
                throw new JoinRefusedException(StatusCode.FailedPrecondition, $"The run is over ({_finished.Replace("\n", ": ", StringComparison.Ordinal)}); this server takes no more nodes.");
            }

            session = _nodes.Join(request.NodeName, request.Clients.ToList(), key, keyName, _time.GetTimestamp());
            Changed();
        }

        _log($"{session} joined ({session.KeyName}) hosting clients {Ranges(session.Clients)}.");
        var reply = new JoinReply
        {
            Session = session.Id,
            RunId = _options.RunId,
            ConfigYaml = _options.ConfigYaml,
            ConfigDigest = ConfigDigest,
            ModelLength = ModelLength,
            HeartbeatMs = (int)Math.Max(50, _options.HeartbeatInterval.TotalMilliseconds),
            DataFingerprint = _server.DataFingerprint ?? string.Empty,
        };
        reply.Clients.AddRange(session.Clients);
        return reply;
    }

    /// <summary>
    /// After the run: waits (at most <paramref name="bound"/>) until every live node was told the run is over, so that
    /// the nodes end with the server rather than lose it.
    /// </summary>
    public void WaitForNodesToLearnTheEnd(TimeSpan bound)
    {
        long start = _time.GetTimestamp();
        while (_time.GetElapsedTime(start) < bound)
        {
            lock (_gate)
            {
                ExpireSilentNodes();
                if (_nodes.Live.All(s => s.ToldFinished))
                {
                    return;
                }
            }

            _wake.Wait(Tick);
        }
    }

    /// <summary>Notes that a node is alive; throws NotFound for a session the server does not know (it must join again).</summary>
    internal HeartbeatReply Heartbeat(string sessionId)
    {
        lock (_gate)
        {
            var session = LiveSession(sessionId);
            session.LastSeen = _time.GetTimestamp();
            return new HeartbeatReply { Round = _round?.Round ?? -1, Finished = _finished is not null };
        }
    }

    /// <summary>
    /// A node stops on its own: its session is lost at once and its clients still pending in the round are dropped with
    /// its reason (at most 300 printable characters of it). An unknown or lost session is ignored.
    /// </summary>
    internal void Leave(string sessionId, string reason)
    {
        string why = Printable(reason) ?? "no reason given";
        lock (_gate)
        {
            if (_nodes.Find(sessionId) is not { Lost: false } session)
            {
                return;
            }

            session.LeftReason = why;
            _nodes.Leave(session);
            _log($"{session} left ({why}); its clients {Ranges(session.Clients)} are free to rejoin.");
            if (_round is { } round)
            {
                foreach (int c in round.PendingOf(session.ClientSet))
                {
                    _lostReasons[c] = $"its {session} left: {why}";
                }
            }

            Changed();
        }
    }

    /// <summary>
    /// Waits (at most <see cref="PollWait"/>) for a round after <paramref name="afterRound"/> that still wants one of the
    /// node's clients, and returns its task and the models to stream (the global model; in an asynchronous run then each
    /// older model the node's clients start from, <see cref="TaskHeader.ModelStaleness"/>); or the end of the run; or
    /// null (ask again).
    /// </summary>
    internal async Task<(TaskHeader? Header, IReadOnlyList<float[]>? Models, RunFinished? Finished)> NextTaskAsync(string sessionId, int afterRound, CancellationToken cancellation)
    {
        long start = _time.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                // The end of the run goes to every session the server knows, lost ones too: a node lost near the end
                // (a missed heartbeat on a busy machine) learns how the run ended rather than being refused a rejoin.
                if (_finished is { } end && _nodes.Find(sessionId) is { } known)
                {
                    known.ToldFinished = true;
                    var parts = end.Split('\n', 2);
                    return (null, null, new RunFinished { Status = parts[0], Message = parts[1] });
                }

                var session = LiveSession(sessionId);
                session.LastSeen = _time.GetTimestamp();
                if (_round is { } round && round.Round > afterRound && round.PendingOf(session.ClientSet) is { Count: > 0 } mine)
                {
                    var header = new TaskHeader
                    {
                        Round = round.Round,
                        AttackActive = round.Plan.AttackActive,
                        ForgeOwnUpdates = round.ForgeOwnUpdates,
                        ModelLength = ModelLength,
                        SecureAggregation = _secAgg is not null,
                        DropEveryDivergence = round.Plan.DropEveryDivergence,
                    };
                    header.Clients.AddRange(mine);
                    header.Sampled.AddRange(round.Plan.Sampled);
                    header.Malicious.AddRange(round.Plan.Malicious.Order());
                    header.AttackerIdentities.AddRange(round.Plan.AttackerIdentities.Order());
                    foreach (int client in mine.Where(round.Plan.Directives.ContainsKey))
                    {
                        header.Directives[client] = round.Plan.Directives[client];
                    }

                    return (header, TaskModels(round.Plan, mine, header), null);
                }

                changed = _changed.Task;
            }

            var left = PollWait - _time.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return (null, null, null);
            }

            await Task.WhenAny(changed, Task.Delay(left, _time, cancellation)).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The models a task streams: the global model; in an asynchronous run also each older model <paramref name="mine"/>
    /// start from, once, with their staleness written into <paramref name="header"/>.
    /// </summary>
    private static IReadOnlyList<float[]> TaskModels(RoundPlan plan, IReadOnlyList<int> mine, TaskHeader header)
    {
        if (plan.Staleness is not { } staleness)
        {
            return [plan.Global];
        }

        header.Staleness.AddRange(mine.Select(c => staleness[c]));
        var older = mine.Where(c => staleness[c] > 0).DistinctBy(c => staleness[c]).OrderBy(c => staleness[c]).ToArray();
        header.ModelStaleness.Add(0);
        header.ModelStaleness.AddRange(older.Select(c => staleness[c]));
        return older.Select(plan.StartModel).Prepend(plan.Global).ToArray();
    }

    /// <summary>
    /// Checks an update's header before any of its payload is read: a live session, the current round, a client the node
    /// hosts and the round still wants, the model's length. Returns the intake that takes the chunks, or throws
    /// <see cref="UpdateRejectedException"/>.
    /// </summary>
    internal UpdateIntake OpenUpdate(UpdateHeader header)
    {
        lock (_gate)
        {
            var session = _nodes.Find(header.Session);
            if (session is null || session.Lost)
            {
                throw Rejected(null, header, $"it comes from an unknown or expired session (a node joins first, and joins again after it was lost)");
            }

            session.LastSeen = _time.GetTimestamp();
            if (!session.ClientSet.Contains(header.Client))
            {
                throw Rejected(session, header, $"client {header.Client} is not hosted by {session} (it hosts {Ranges(session.Clients)})");
            }

            if (_round is not { } round || header.Round != round.Round)
            {
                throw Rejected(session, header, $"it is for round {header.Round + 1}, and the current round is {(_round is null ? "none" : (_round.Round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))} (a replayed or late update)");
            }

            if (_secAgg is not null)
            {
                throw Rejected(session, header, "this run aggregates securely: the server takes each client's keys and masked vector (SecAggSend), never its update", drop: true);
            }

            if (round.HasResult(header.Client))
            {
                throw Rejected(session, header, $"client {header.Client}'s update for round {header.Round + 1} arrived already (a replayed update)");
            }

            if (!round.Wants(header.Client))
            {
                throw Rejected(session, header, $"round {header.Round + 1} does not want client {header.Client}'s update (not sampled, rejected before, or the round closed)");
            }

            try
            {
                var receiver = ModelReceiver.Create(header.ModelLength, ModelLength);
                var state = StateReceiver.Create(header.AttackStateLength);
                PlainUpdatesOpened++;
                return new UpdateIntake(session, header, receiver, state);
            }
            catch (ModelStreamException e)
            {
                throw Rejected(session, header, $"it {e.Message}", drop: true);
            }
        }
    }

    /// <summary>
    /// Takes in the attack state an attacker's update carries (<see cref="AttackStateTransfer"/>), under the lock: only
    /// from a malicious client of an active round; returns why it was refused, or null.
    /// </summary>
    private string? TakeAttackState(RoundState round, int client, byte[] state)
    {
        if (!round.Plan.AttackActive || !round.Plan.Malicious.Contains(client))
        {
            return $"it carries an attack state, and client {client} is not an attacker of round {round.Round + 1}";
        }

        return _server.ImportAttackState(state);
    }

    /// <summary>
    /// Takes a fully received update: checks its signature (when the node has a key) and that its values are finite
    /// (unless it reports an honest divergence), then hands it to the round. A rejected update never reaches a defense.
    /// </summary>
    internal UpdateReply CloseUpdate(UpdateIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var header = intake.Header;
        float[] weights;
        try
        {
            weights = intake.Complete();
        }
        catch (ModelStreamException e)
        {
            return Reply(Rejected(intake.Session, header, $"it {e.Message}", drop: true));
        }

        if (intake.Session.PublicKey is { } key)
        {
            var signed = SignedBytes.Update(_options.RunId, header.Round, header.Client, intake.Digest);
            if (!NodeKey.Verify(key, signed, header.Signature.ToByteArray()))
            {
                return Reply(Rejected(intake.Session, header, $"its signature does not verify with {intake.Session}'s key {NodeKey.FingerprintOf(key)} over (run, round, client, payload digest)", drop: true));
            }
        }

        int bad = Array.FindIndex(weights, w => !float.IsFinite(w));
        if (header.DivergedReason.Length == 0 && bad >= 0)
        {
            return Reply(Rejected(intake.Session, header, $"it holds {weights[bad]} at index {bad}; every value must be finite", drop: true));
        }

        if (header.DivergedReason.Length > 0 && bad < 0)
        {
            return Reply(Rejected(intake.Session, header, "it reports that the client's training diverged, but every value is finite", drop: true));
        }

        if (header.SampleCount < 0 || !double.IsFinite(header.MeanLoss) && header.DivergedReason.Length == 0)
        {
            return Reply(Rejected(intake.Session, header, $"its sample count {header.SampleCount} or loss {header.MeanLoss} is invalid", drop: true));
        }

        StreamedRound? stream = null;
        RoundState? streaming = null;
        lock (_gate)
        {
            // The round may have closed while the payload travelled, or a twin arrived first.
            if (_round is not { } round || round.Round != header.Round || !round.Wants(header.Client))
            {
                return Reply(Rejected(intake.Session, header, $"round {header.Round + 1} no longer wants client {header.Client}'s update (it closed, or the update arrived twice)"));
            }

            if (intake.AttackState is { } attackState && TakeAttackState(round, header.Client, attackState) is { } stateProblem)
            {
                return Reply(Rejected(intake.Session, header, stateProblem, drop: true));
            }

            streaming = round;

            var result = new ClientResult(header.Client, header.SampleCount, weights, header.MeanLoss) { DivergedReason = DivergedReason(header.Client, header.DivergedReason) };
            if (round.Stream is not null && result.DivergedReason is null)
            {
                // Streamed: the round keeps the result without its vector, which goes into the sum below (outside the lock,
                // several at once); the round completes when every accepted update is in.
                round.Accept(result with { Weights = [] });
                round.Adding++;
                stream = round.Stream;
            }
            else
            {
                round.Accept(result);
                Changed();
            }
        }

        if (stream is not null)
        {
            try
            {
                stream.Add(new ClientUpdate(header.Client, header.SampleCount, weights));
            }
            finally
            {
                lock (_gate)
                {
                    streaming!.Adding--;
                    Changed();
                }
            }
        }

        return new UpdateReply { Accepted = true };
    }

    /// <summary>Rejects an update whose stream broke the announced length or the chunk size, mid-stream.</summary>
    internal UpdateReply RejectStream(UpdateIntake intake, ModelStreamException error) =>
        Reply(Rejected(intake.Session, intake.Header, $"it {error.Message} (an oversized stream)", drop: true));

    private static UpdateReply Reply(UpdateRejectedException e) => new() { Accepted = false, Reason = e.Message };

    // Logs the rejection; when the sender owns the client and the round wants it, the client is dropped from the round
    // with that reason (a sender that does not own the client cannot get it dropped).
    private UpdateRejectedException Rejected(NodeSession? session, UpdateHeader header, string why, bool drop = false)
    {
        string message = $"Rejected the update for client {header.Client}, round {header.Round + 1}, from {session?.ToString() ?? "an unknown node"}: {why}.";
        _log(message);
        lock (_gate)
        {
            if (drop && session is not null && session.ClientSet.Contains(header.Client) && _round is { } round && round.Round == header.Round && round.Wants(header.Client))
            {
                round.Reject(header.Client, why);
                Changed();
            }
        }

        return new UpdateRejectedException(message);
    }

    private NodeSession LiveSession(string sessionId)
    {
        var session = _nodes.Find(sessionId);
        if (session is null || session.Lost)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "This server does not know the node's session (it restarted, or lost the node): join again."));
        }

        return session;
    }

    /// <summary>
    /// A node's text as the server keeps it: its printable characters (no control characters, which would reach the
    /// console and the round log), at most <see cref="MaxNodeText"/> of them, trimmed; null when nothing is left.
    /// </summary>
    internal static string? Printable(string text)
    {
        string kept = new string(text.Where(c => !char.IsControl(c)).Take(MaxNodeText).ToArray()).Trim();
        return kept.Length == 0 ? null : kept;
    }

    /// <summary>A node's report that <paramref name="client"/>'s training diverged, printable; null when it reports none.</summary>
    internal static string? DivergedReason(int client, string reported) =>
        reported.Length == 0 ? null : Printable(reported) ?? $"client {client}'s local training diverged (its node gave no reason)";
}
