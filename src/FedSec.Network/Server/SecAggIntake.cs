using System.Security.Cryptography;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;

namespace FedSec.Network.Server;

/// <summary>One secure aggregation message being received: its checked header, the masked vector's chunks (MASKED only) and the digest its signature covers.</summary>
internal sealed class SecAggIntake : IDisposable
{
    private readonly ModelReceiver? _receiver;
    private readonly IncrementalHash _hash;

    public SecAggIntake(NodeSession session, SecAggHeader header, ModelReceiver? receiver)
    {
        Session = session;
        Header = header;
        _receiver = receiver;
        _hash = SecAggSignature.Digest(header);
    }

    public NodeSession Session { get; }

    public SecAggHeader Header { get; }

    /// <summary>The digest the signature covers, after <see cref="Complete"/>.</summary>
    public byte[] Digest { get; private set; } = [];

    /// <summary>Takes a chunk of the masked vector; a message of another step carries none.</summary>
    public void Append(ModelChunk chunk)
    {
        if (_receiver is null)
        {
            throw new ModelStreamException($"sent a chunk with a {Header.Step} message, which carries none");
        }

        _receiver.Append(chunk);
        _hash.AppendData(chunk.Data.Span);
    }

    /// <summary>The masked vector (null for other steps), once complete.</summary>
    public uint[]? Complete()
    {
        var vector = _receiver?.Complete();
        Digest = _hash.GetHashAndReset();
        return vector is null ? null : MaskedVectors.FromBits(vector);
    }

    public void Dispose() => _hash.Dispose();
}
