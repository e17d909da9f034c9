using System.Security.Cryptography;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;

namespace FedSec.Network.Server;

/// <summary>
/// One update being received: its checked header, the model's chunks, then the attack state's (when the header
/// announces one), and the running digest of what is signed.
/// </summary>
internal sealed class UpdateIntake : IDisposable
{
    private readonly ModelReceiver _receiver;
    private readonly StateReceiver? _state;
    private readonly IncrementalHash _hash;

    public UpdateIntake(NodeSession session, UpdateHeader header, ModelReceiver receiver, StateReceiver? state)
    {
        Session = session;
        Header = header;
        _receiver = receiver;
        _state = state;
        _hash = SignedBytes.UpdateDigest(header);
    }

    public NodeSession Session { get; }

    public UpdateHeader Header { get; }

    /// <summary>The digest the signature covers, after <see cref="Complete"/>.</summary>
    public byte[] Digest { get; private set; } = [];

    /// <summary>The attack state the update carried, after <see cref="Complete"/>; null when it announced none.</summary>
    public byte[]? AttackState { get; private set; }

    /// <summary>Takes a chunk; throws <see cref="ModelStreamException"/> for an oversized one or one past the announced lengths.</summary>
    public void Append(ModelChunk chunk)
    {
        if (_receiver.Full && _state is not null)
        {
            _state.Append(chunk);
        }
        else
        {
            _receiver.Append(chunk);
        }

        _hash.AppendData(chunk.Data.Span);
    }

    /// <summary>The model, once complete (and the attack state, into <see cref="AttackState"/>).</summary>
    public float[] Complete()
    {
        var model = _receiver.Complete();
        AttackState = _state?.Complete();
        Digest = _hash.GetHashAndReset();
        return model;
    }

    public void Dispose() => _hash.Dispose();
}
