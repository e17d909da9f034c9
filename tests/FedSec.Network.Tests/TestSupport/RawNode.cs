using System.Runtime.InteropServices;
using FedSec.Network.Node;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Network.Transport;
using FedSec.Simulation;
using Google.Protobuf;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>A node written by hand over the raw gRPC client: it can send what a real node never would.</summary>
internal sealed class RawNode
{
    private readonly Federation.FederationClient _client;
    private readonly string _runId;

    private RawNode(Federation.FederationClient client, string runId, JoinReply reply)
    {
        _client = client;
        _runId = runId;
        Session = reply.Session;
        Reply = reply;
    }

    public string Session { get; }

    public JoinReply Reply { get; }

    public static JoinRequest Request(string name, IReadOnlyList<int> clients, NodeKey? key = null, string expect = "")
    {
        var request = new JoinRequest { NodeName = name, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), ProtocolVersion = FederationCoordinator.ProtocolVersion, ExpectConfigDigest = expect };
        request.Clients.AddRange(clients);
        if (key is not null)
        {
            request.PublicKey = ByteString.CopyFrom(key.PublicKey);
            request.Signature = ByteString.CopyFrom(key.Sign(SignedBytes.Join(request)));
        }

        return request;
    }

    public static async Task<RawNode> JoinAsync(LocalFederation federation, string name, IReadOnlyList<int> clients, NodeKey? key = null, System.Security.Cryptography.X509Certificates.X509Certificate2? trustedCa = null)
    {
        var client = federation.RawClient(trustedCa);
        var reply = await client.JoinAsync(Request(name, clients, key));
        return new RawNode(client, federation.RunId, reply);
    }

    /// <summary>Heartbeats every 500 ms until cancelled, so the server keeps this node.</summary>
    public async Task KeepAliveAsync(CancellationToken cancellation)
    {
        try
        {
            while (true)
            {
                await _client.HeartbeatAsync(new HeartbeatRequest { Session = Session }, cancellationToken: cancellation);
                await Task.Delay(500, cancellation);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or Grpc.Core.RpcException)
        {
        }
    }

    /// <summary>The next task after <paramref name="afterRound"/> (polling until one comes).</summary>
    public async Task<(TaskHeader Header, float[] Global)> NextTaskAsync(int afterRound)
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            using var call = _client.NextTask(new TaskRequest { Session = Session, AfterRound = afterRound });
            TaskHeader? header = null;
            var chunks = new List<byte>();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                var m = call.ResponseStream.Current;
                if (m.BodyCase == TaskMessage.BodyOneofCase.Header)
                {
                    header = m.Header;
                }
                else if (m.BodyCase == TaskMessage.BodyOneofCase.Chunk)
                {
                    chunks.AddRange(m.Chunk.Data);
                }
            }

            if (header is not null)
            {
                return (header, MemoryMarshal.Cast<byte, float>(chunks.ToArray()).ToArray());
            }
        }

        throw new InvalidOperationException("No task came.");
    }

    /// <summary>Tells the server this node leaves, with <paramref name="reason"/> as it is.</summary>
    public async Task LeaveAsync(string reason) => await _client.LeaveAsync(new LeaveRequest { Session = Session, Reason = reason });

    /// <summary>Polls once for a task after <paramref name="afterRound"/>: the end of the run if the server sends it, else null.</summary>
    public async Task<RunFinished?> RunEndAsync(int afterRound)
    {
        using var call = _client.NextTask(new TaskRequest { Session = Session, AfterRound = afterRound });
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.BodyCase == TaskMessage.BodyOneofCase.Finished)
            {
                return call.ResponseStream.Current.Finished;
            }
        }

        return null;
    }

    /// <summary>
    /// Sends an update: <paramref name="payload"/> as its model (announced as <paramref name="announced"/> values, by
    /// default its length), signed with <paramref name="key"/> over <paramref name="signedPayload"/> (by default the payload),
    /// reporting <paramref name="divergedReason"/> as the client's divergence, with <paramref name="attackState"/> in
    /// chunks after the model (announced as <paramref name="announcedState"/> bytes, by default its length).
    /// </summary>
    public async Task<UpdateReply> SendAsync(int round, int client, float[] payload, NodeKey? key = null, int? announced = null, float[]? signedPayload = null, string? session = null, byte[]? attackState = null, string? divergedReason = null, int? announcedState = null)
    {
        var result = new ClientResult(client, 5, signedPayload ?? payload, 0.5) { DivergedReason = divergedReason };
        var header = UpdateSender.Header(session ?? Session, _runId, round, result, key, attackState);
        header.ModelLength = announced ?? payload.Length;
        header.AttackStateLength = announcedState ?? header.AttackStateLength;
        return await UpdateSender.SendAsync(_client, header, UpdateSender.Payload(payload, attackState), CancellationToken.None);
    }

    /// <summary>Sends a secure aggregation message as it is (unsigned unless a key is given).</summary>
    public Task<UpdateReply> SecAggAsync(SecAggHeader header, IReadOnlyList<ModelChunk>? chunks = null, NodeKey? key = null)
    {
        header.Session = header.Session.Length > 0 ? header.Session : Session;
        return SecAggSender.SendAsync(_client, _runId, header, chunks ?? [], key, CancellationToken.None);
    }

    /// <summary>Polls for the round's next secure aggregation step after <paramref name="after"/> (until one comes).</summary>
    public async Task<SecAggTask> SecAggNextAsync(int round, SecAggStep after)
    {
        for (int attempt = 0; attempt < 10; attempt++)
        {
            var task = await _client.SecAggNextAsync(new SecAggPoll { Session = Session, Round = round, AfterStep = after });
            if (task.Step != SecAggStep.SecaggNone)
            {
                return task;
            }
        }

        throw new InvalidOperationException("No secure aggregation step came.");
    }
}
