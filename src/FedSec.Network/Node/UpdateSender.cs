using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using FedSec.Simulation;
using Google.Protobuf;
using Grpc.Core;

namespace FedSec.Network.Node;

/// <summary>Sends one client's update: a signed header, then the model in chunks, then the attack's state in chunks.</summary>
internal static class UpdateSender
{
    public static async Task<UpdateReply> SendAsync(Federation.FederationClient client, string session, string runId, int round, ClientResult result, NodeKey? key, CancellationToken cancellation, byte[]? attackState = null)
    {
        var header = Header(session, runId, round, result, key, attackState);
        return await SendAsync(client, header, Payload(result.Weights, attackState), cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a header and chunks. The server may answer before the stream ends (it rejected the header, or a chunk
    /// overflowed): the remaining chunks are not sent and its answer is returned.
    /// </summary>
    public static async Task<UpdateReply> SendAsync(Federation.FederationClient client, UpdateHeader header, IEnumerable<ModelChunk> chunks, CancellationToken cancellation)
    {
        using var call = client.SendUpdate(cancellationToken: cancellation);
        try
        {
            await call.RequestStream.WriteAsync(new UpdateMessage { Header = header }, cancellation).ConfigureAwait(false);
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(new UpdateMessage { Chunk = chunk }, cancellation).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException && !cancellation.IsCancellationRequested)
        {
            // The call completed while writing: the server answered early (its answer says why), or the call failed
            // (awaiting the answer throws that failure).
        }

        return await call.ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>The chunks that follow an update's header: the model's, then the attack state's.</summary>
    public static IEnumerable<ModelChunk> Payload(float[] weights, byte[]? attackState) => ModelChunks.Split(weights).Concat(ModelChunks.Split(attackState));

    /// <summary>The header of an update, signed over (run, round, client, digest of its fields and payload) when there is a key.</summary>
    public static UpdateHeader Header(string session, string runId, int round, ClientResult result, NodeKey? key, byte[]? attackState = null)
    {
        var header = new UpdateHeader
        {
            Session = session,
            Round = round,
            Client = result.ClientId,
            SampleCount = result.SampleCount,
            MeanLoss = result.MeanLoss,
            DivergedReason = result.DivergedReason ?? string.Empty,
            ModelLength = result.Weights.Length,
            AttackStateLength = attackState?.Length ?? 0,
        };
        if (key is not null)
        {
            using var digest = SignedBytes.UpdateDigest(header);
            foreach (var chunk in Payload(result.Weights, attackState))
            {
                digest.AppendData(chunk.Data.Span);
            }

            header.Signature = ByteString.CopyFrom(key.Sign(SignedBytes.Update(runId, round, result.ClientId, digest.GetHashAndReset())));
        }

        return header;
    }
}
