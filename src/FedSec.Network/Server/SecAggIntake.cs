using System.Security.Cryptography;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;

namespace FedSec.Network.Server;

/// <summary>
/// One secure aggregation message being received: its checked header, the masked vector's chunks (MASKED) or the attack
/// state's (REPORT, when it announces one), and the digest its signature covers.
/// </summary>
internal sealed class SecAggIntake : IDisposable
{
    private readonly ModelReceiver? _receiver;
    private readonly StateReceiver? _state;
    private readonly IncrementalHash _hash;

    public SecAggIntake(NodeSession session, SecAggHeader header, ModelReceiver? receiver, StateReceiver? state)
    {
        Session = session;
        Header = header;
        _receiver = receiver;
        _state = state;
        _hash = SecAggSignature.Digest(header);
    }

    public NodeSession Session { get; }

    public SecAggHeader Header { get; }

    /// <summary>The digest the signature covers, after <see cref="Complete"/>.</summary>
    public byte[] Digest { get; private set; } = [];

    /// <summary>The attack state a report carried, after <see cref="Complete"/>; null when it announced none.</summary>
    public byte[]? AttackState { get; private set; }

    /// <summary>Takes a chunk of the masked vector or of a report's attack state; a message of another step carries none.</summary>
    public void Append(ModelChunk chunk)
    {
        if (_receiver is not null)
        {
            _receiver.Append(chunk);
        }
        else if (_state is not null)
        {
            _state.Append(chunk);
        }
        else
        {
            throw new ModelStreamException($"sent a chunk with a {Header.Step} message, which carries none");
        }

        _hash.AppendData(chunk.Data.Span);
    }

    /// <summary>The masked vector (null for other steps), once complete (and a report's attack state, into <see cref="AttackState"/>).</summary>
    public uint[]? Complete()
    {
        var vector = _receiver?.Complete();
        AttackState = _state?.Complete();
        Digest = _hash.GetHashAndReset();
        return vector is null ? null : MaskedVectors.FromBits(vector);
    }

    public void Dispose() => _hash.Dispose();
}
