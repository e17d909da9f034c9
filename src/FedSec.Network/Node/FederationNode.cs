using System.Security.Authentication;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Network.Transport;
using FedSec.Simulation;
using Google.Protobuf;
using Grpc.Core;

namespace FedSec.Network.Node;

/// <summary>
/// One node of a distributed run: joins the server, prepares the experiment from the configuration the server sends
/// (the same data partition as the simulation), then, round after round, takes the task for its clients, trains them
/// (in parallel, like <c>fedsec run --parallel</c>), runs the own-update attack in the malicious clients' process when
/// the server says so, and sends each signed update in chunks. It heartbeats in the background, reconnects with
/// backoff when the server goes away (and joins again when the server forgot it), and ends when the run does.
/// </summary>
public sealed class FederationNode
{
    private readonly NodeOptions _options;
    private readonly Func<string, IReadOnlyList<int>, NodeExperiment> _prepare;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;

    /// <param name="options">Where the server is and what to present.</param>
    /// <param name="prepare">Prepares the experiment from the server's configuration (YAML) for the clients the node hosts: data, partition, backend.</param>
    /// <param name="log">Receives one line per event.</param>
    /// <param name="time">The clock; the system's by default.</param>
    public FederationNode(NodeOptions options, Func<string, IReadOnlyList<int>, NodeExperiment> prepare, Action<string> log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prepare);
        _options = options;
        _prepare = prepare;
        _log = log ?? (_ => { });
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The clients the server gave this node (after it joined).</summary>
    public IReadOnlyList<int> Clients { get; private set; } = Array.Empty<int>();

    /// <summary>
    /// Runs until the server says the run is over; returns its closing message. Throws <see cref="FederationException"/>
    /// with one sentence when the server cannot be reached, does not trust the node, is not trusted, or refuses it.
    /// </summary>
    public async Task<string> RunAsync(CancellationToken cancellation = default)
    {
        using var channel = NodeChannel.Create(_options);
        var client = _options.Interceptor is { } interceptor
            ? new Federation.FederationClient(Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(), interceptor))
            : new Federation.FederationClient(channel);
        NodeExperiment? experiment = null;
        string? preparedDigest = null;
        string? session = null;
        string runId = string.Empty;
        int afterRound = -1;
        bool everJoined = false;
        long? outageSince = null;
        var backoff = new Backoff();

        // False once the node stops because of the server (it ended the run, refused the node, is not trusted or gone):
        // otherwise a node that stops on its own tells the server it leaves.
        bool leave = true;
        using var heartbeats = new CancellationTokenSource();
        Task? heartbeat = null;
        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                try
                {
                    if (session is null)
                    {
                        var reply = await client.JoinAsync(JoinRequest(), cancellationToken: cancellation).ConfigureAwait(false);
                        session = reply.Session;
                        runId = reply.RunId;
                        Clients = reply.Clients.ToList();
                        // Heartbeats from the join on: preparing the data (tokenizing a corpus) may take longer than the
                        // server's node timeout, which would lose the node before its first round.
                        heartbeat ??= Heartbeats(client, () => session, TimeSpan.FromMilliseconds(reply.HeartbeatMs), heartbeats.Token);
                        string prepareKey = reply.ConfigDigest + "/" + FederationCoordinator.Ranges(Clients);
                        if (preparedDigest != prepareKey)
                        {
                            experiment?.Dispose();
                            experiment = null;
                            experiment = _prepare(reply.ConfigYaml, Clients);
                            CheckData(experiment, reply.DataFingerprint);
                            preparedDigest = prepareKey;
                        }

                        _log($"Joined {_options.Server} (run {runId}) hosting clients {FederationCoordinator.Ranges(Clients)}.");
                        everJoined = true;
                    }

                    var (header, global, finished) = await NextTask(client, session, afterRound, experiment!.Clients.Layout.Length, cancellation).ConfigureAwait(false);
                    outageSince = null;
                    backoff.Reset();
                    if (finished is not null)
                    {
                        _log($"The server ended the run ({finished.Status}).");
                        leave = false;
                        return finished.Status == "failed" ? throw new FederationException($"The server stopped the run: {finished.Message}") : finished.Message;
                    }

                    if (header is null)
                    {
                        continue;
                    }

                    await RunTask(client, experiment!, session, runId, header, global!, cancellation).ConfigureAwait(false);
                    afterRound = header.Round;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    _log("The server does not know this node any more (it restarted or lost the node); joining again.");
                    session = null;

                    // A restarted server may run again a round this node already sent (it was not checkpointed).
                    afterRound = -1;
                }
                catch (RpcException e) when (IsRefusal(e.StatusCode))
                {
                    leave = false;
                    throw new FederationException($"The server at {_options.Server} refused this node: {e.Status.Detail}", e);
                }
                catch (RpcException e) when (!cancellation.IsCancellationRequested)
                {
                    leave = false;
                    if (Untrusted(e) is { } tls)
                    {
                        throw new FederationException($"The server at {_options.Server} presented a certificate this node does not trust ({tls}); give the CA that signed it with --ca (ca.pem of 'fedsec certs create'), and dial the name in its certificate.", e);
                    }

                    long now = _time.GetTimestamp();
                    outageSince ??= now;
                    var limit = everJoined ? _options.ReconnectTimeout : _options.ConnectTimeout;
                    if (_time.GetElapsedTime(outageSince.Value) > limit)
                    {
                        throw new FederationException(everJoined
                            ? $"Lost the server at {_options.Server} for {limit.TotalSeconds:0} s ({e.Status.Detail}); the node stops. Restart it when the server is back (fedsec server ... --resume continues the run)."
                            : $"Cannot reach a FedSec server at {_options.Server} ({e.Status.Detail}); check the address and port, and that 'fedsec server' runs there.", e);
                    }

                    leave = true;
                    var wait = backoff.Next();
                    _log($"The server at {_options.Server} is unreachable ({e.Status.StatusCode}); trying again in {wait.TotalSeconds:0.##} s.");
                    await Task.Delay(wait, _time, cancellation).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (leave && session is not null)
        {
            bool stopped = cancellation.IsCancellationRequested;
            await LeaveNotice.SendAsync(client, session, stopped ? "it was stopped" : e.Message, _log).ConfigureAwait(false);
            if (stopped && e is not OperationCanceledException)
            {
                throw new OperationCanceledException("The node was stopped.", e, cancellation);
            }

            throw;
        }
        catch (RpcException e) when (cancellation.IsCancellationRequested)
        {
            // A call cut by the cancellation: the node was stopped, not failed by the server.
            throw new OperationCanceledException("The node was stopped.", e, cancellation);
        }
        finally
        {
            await heartbeats.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                try
                {
                    await heartbeat.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            experiment?.Dispose();
        }
    }

    /// <summary>
    /// Refuses to train on other data than the server's: the same configuration drawn from other files (another split of
    /// Fashion-MNIST, a truncated download, an edited CSV) gives other numbers than the simulation, silently.
    /// </summary>
    private static void CheckData(NodeExperiment experiment, string serverFingerprint)
    {
        if (serverFingerprint.Length == 0 || experiment.DataFingerprint is not { } own || own == serverFingerprint)
        {
            return;
        }

        throw new FederationException($"This node's data set is not the server's: its fingerprint is {FedSec.Data.DataFingerprint.Short(own)}, the server's {FedSec.Data.DataFingerprint.Short(serverFingerprint)} (SHA-256 of the whole set as loaded). Give the node the same files as the server (fedsec data fetch, or copy the server's --data-dir), then start it again.");
    }

    private static bool IsRefusal(StatusCode code) => code is StatusCode.FailedPrecondition or StatusCode.PermissionDenied or StatusCode.Unauthenticated
        or StatusCode.AlreadyExists or StatusCode.InvalidArgument or StatusCode.ResourceExhausted;

    private static string? Untrusted(RpcException e)
    {
        for (Exception? inner = e.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException auth)
            {
                return auth.Message.TrimEnd('.');
            }
        }

        return null;
    }

    private JoinRequest JoinRequest()
    {
        var request = new JoinRequest
        {
            NodeName = _options.Name,
            TimestampUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            ExpectConfigDigest = _options.ExpectConfigDigest ?? string.Empty,
            ProtocolVersion = FederationCoordinator.ProtocolVersion,
        };
        request.Clients.AddRange(_options.Clients);
        if (_options.Key is { } key)
        {
            request.PublicKey = ByteString.CopyFrom(key.PublicKey);
            request.Signature = ByteString.CopyFrom(key.Sign(SignedBytes.Join(request)));
        }

        return request;
    }

    private static async Task<(TaskHeader? Header, float[]? Global, RunFinished? Finished)> NextTask(Federation.FederationClient client, string session, int afterRound, int layoutLength, CancellationToken cancellation)
    {
        using var call = client.NextTask(new TaskRequest { Session = session, AfterRound = afterRound }, cancellationToken: cancellation);
        var task = new TaskAssembly(layoutLength);
        while (await call.ResponseStream.MoveNext(cancellation).ConfigureAwait(false))
        {
            if (!task.Take(call.ResponseStream.Current))
            {
                return (null, null, task.Finished);
            }
        }

        return task.Header is null ? (null, null, null) : (task.Header, task.Complete(), null);
    }

    private async Task RunTask(Federation.FederationClient client, NodeExperiment experiment, string session, string runId, TaskHeader header, float[] models, CancellationToken cancellation)
    {
        var plan = TaskPlan.Of(header, models, header.ModelLength);
        experiment.Clients.Layout.CheckLength(plan.Global.Length);
        var mine = header.Clients.ToList();
        _log($"Round {header.Round + 1}: training clients {FederationCoordinator.Ranges(mine)}.");
        var trained = await Task.Factory.StartNew(
            () => experiment.Clients.Train(plan, mine, cancellation: cancellation).OfType<ClientResult>().ToList(),
            cancellation,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).ConfigureAwait(false);
        IReadOnlyList<ClientResult> results = header.ForgeOwnUpdates ? experiment.Clients.ForgeOwnUpdates(plan, trained) : trained;
        // An attack whose trigger adapts changed it while training, or whose clients found what its attacker's side needs:
        // its malicious clients' messages carry that state.
        byte[]? StateOf(int client) => header.AttackActive && plan.Malicious.Contains(client) ? experiment.Clients.AttackState(client) : null;
        if (header.SecureAggregation)
        {
            using var secAgg = new SecAggParticipant(client, session, runId, header.Round, plan.Global, _options.Key, _log, new TransientRetry(_options.ReconnectTimeout, _time, _log));
            await secAgg.RunAsync(results, _options.AfterSecAggStep, StateOf, cancellation).ConfigureAwait(false);
            return;
        }

        foreach (var result in results)
        {
            var reply = await UpdateSender.SendAsync(client, session, runId, header.Round, result, _options.Key, cancellation, StateOf(result.ClientId)).ConfigureAwait(false);
            if (!reply.Accepted)
            {
                _log($"Round {header.Round + 1}: the server rejected client {result.ClientId}'s update: {reply.Reason}");
            }
        }
    }

    private async Task Heartbeats(Federation.FederationClient client, Func<string?> session, TimeSpan interval, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            await Task.Delay(interval, _time, cancellation).ConfigureAwait(false);
            if (session() is not { } id)
            {
                continue;
            }

            try
            {
                await client.HeartbeatAsync(new HeartbeatRequest { Session = id }, deadline: DateTime.UtcNow + interval * 3, cancellationToken: cancellation).ConfigureAwait(false);
            }
            catch (RpcException)
            {
                // The main loop finds out on its next call and reconnects or joins again.
            }
        }
    }
}
