using System.Security.Cryptography;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;

namespace FedSec.Network.Server;

/// <summary>One update being received: its checked header, the model's chunks and the running digest of what is signed.</summary>
internal sealed class UpdateIntake : IDisposable
{
    private readonly ModelReceiver _receiver;
    private readonly IncrementalHash _hash;

    public UpdateIntake(NodeSession session, UpdateHeader header, ModelReceiver receiver)
    {
        Session = session;
        Header = header;
        _receiver = receiver;
        _hash = SignedBytes.UpdateDigest(header);
    }

    public NodeSession Session { get; }

    public UpdateHeader Header { get; }

    /// <summary>The digest the signature covers, after <see cref="Complete"/>.</summary>
    public byte[] Digest { get; private set; } = [];

    /// <summary>Takes a chunk; throws <see cref="ModelStreamException"/> for an oversized one or one past the announced length.</summary>
    public void Append(ModelChunk chunk)
    {
        _receiver.Append(chunk);
        _hash.AppendData(chunk.Data.Span);
    }

    /// <summary>The model, once complete.</summary>
    public float[] Complete()
    {
        var model = _receiver.Complete();
        Digest = _hash.GetHashAndReset();
        return model;
    }

    public void Dispose() => _hash.Dispose();
}
