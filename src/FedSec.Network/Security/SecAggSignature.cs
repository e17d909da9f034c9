using System.Security.Cryptography;
using System.Text;
using FedSec.Network.Protocol;
using Google.Protobuf;

namespace FedSec.Network.Security;

/// <summary>
/// What a node signs for each secure aggregation message: (run id, round, client id, step, SHA-256 of the header's
/// bytes without the signature, then of the chunks). As for updates, the run id and the round make a message worthless
/// in another run or round, and the step in another step.
/// </summary>
internal static class SecAggSignature
{
    /// <summary>An incremental SHA-256 started with the header (its signature left out); the chunks are appended to it.</summary>
    public static IncrementalHash Digest(SecAggHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var unsigned = header.Clone();
        unsigned.Signature = ByteString.Empty;
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(unsigned.ToByteArray());
        return hash;
    }

    /// <summary>The signed bytes, given the digest of the header and chunks.</summary>
    public static byte[] Bytes(string runId, SecAggHeader header, byte[] digest)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Encoding.UTF8.GetBytes($"fedsec-secagg-v1\n{runId}\n{header.Round}\n{header.Client}\n{header.Step}\n{Convert.ToHexStringLower(digest)}");
    }
}
