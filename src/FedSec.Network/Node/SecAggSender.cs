using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using Google.Protobuf;
using Grpc.Core;

namespace FedSec.Network.Node;

/// <summary>Sends one secure aggregation message: a header signed over (run, round, client, step, digest of the header and chunks), then its chunks.</summary>
internal static class SecAggSender
{
    public static async Task<UpdateReply> SendAsync(Federation.FederationClient client, string runId, SecAggHeader header, IReadOnlyList<ModelChunk> chunks, NodeKey? key, CancellationToken cancellation)
    {
        if (key is not null)
        {
            using var digest = SecAggSignature.Digest(header);
            foreach (var chunk in chunks)
            {
                digest.AppendData(chunk.Data.Span);
            }

            header.Signature = ByteString.CopyFrom(key.Sign(SecAggSignature.Bytes(runId, header, digest.GetHashAndReset())));
        }

        using var call = client.SecAggSend(cancellationToken: cancellation);
        try
        {
            await call.RequestStream.WriteAsync(new SecAggMessage { Header = header }, cancellation).ConfigureAwait(false);
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(new SecAggMessage { Chunk = chunk }, cancellation).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException && !cancellation.IsCancellationRequested)
        {
            // The server answered early (its answer says why), or the call failed (awaiting the answer throws that).
        }

        return await call.ResponseAsync.ConfigureAwait(false);
    }
}
