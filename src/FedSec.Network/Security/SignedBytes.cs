using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FedSec.Network.Protocol;

namespace FedSec.Network.Security;

/// <summary>
/// The bytes a node signs: for a join, its name, clients, time and key; for an update, (run id, round, client id, digest
/// of the update's header fields and payload). The round and the run id in the signed bytes make an update for one
/// round or run worthless in another.
/// </summary>
internal static class SignedBytes
{
    /// <summary>What a join request's signature covers.</summary>
    public static byte[] Join(JoinRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = $"fedsec-join-v1\n{request.NodeName}\n{string.Join(',', request.Clients)}\n{request.TimestampUnixMs}\n{Convert.ToBase64String(request.PublicKey.Span)}\n{request.ExpectConfigDigest}";
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>What an update's signature covers, given the digest of its fields and payload (<see cref="UpdateDigest"/>).</summary>
    public static byte[] Update(string runId, int round, int client, byte[] digest) =>
        Encoding.UTF8.GetBytes($"fedsec-update-v1\n{runId}\n{round}\n{client}\n{Convert.ToHexStringLower(digest)}");

    /// <summary>
    /// An incremental SHA-256 over an update's sample count, loss, divergence, model length and attack state length; the
    /// payload's bytes (the model's, then the attack state's) are appended to it.
    /// </summary>
    public static IncrementalHash UpdateDigest(UpdateHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> fixedPart = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart, header.SampleCount);
        BinaryPrimitives.WriteDoubleLittleEndian(fixedPart[4..], header.MeanLoss);
        BinaryPrimitives.WriteInt32LittleEndian(fixedPart[12..], header.ModelLength);
        hash.AppendData(fixedPart);
        hash.AppendData(Encoding.UTF8.GetBytes(header.DivergedReason + "\n"));
        Span<byte> stateLength = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(stateLength, header.AttackStateLength);
        hash.AppendData(stateLength);
        return hash;
    }
}
