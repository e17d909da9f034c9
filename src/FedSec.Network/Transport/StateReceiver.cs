using System.Buffers;
using FedSec.Network.Protocol;
using FedSec.Simulation;

namespace FedSec.Network.Transport;

/// <summary>
/// Reassembles an attack's state (<see cref="AttackStateTransfer"/>) from the chunks that follow a model's: the
/// announced length is checked against <see cref="AttackStateTransfer.MaxBytes"/> before anything is kept, the buffer
/// grows only as chunks arrive, and a peer that sends more than it announced is stopped at the chunk that overflows.
/// </summary>
internal sealed class StateReceiver
{
    private readonly ArrayBufferWriter<byte> _bytes;
    private readonly int _announced;

    private StateReceiver(int announced)
    {
        _announced = announced;
        _bytes = new ArrayBufferWriter<byte>(Math.Min(announced, ModelChunks.MaxChunkBytes));
    }

    private bool Full => _bytes.WrittenCount == _announced;

    /// <summary>A receiver for <paramref name="announced"/> bytes; null for none; an error for a negative or too large length.</summary>
    public static StateReceiver? Create(int announced)
    {
        if (announced < 0 || announced > AttackStateTransfer.MaxBytes)
        {
            throw new ModelStreamException($"announces an attack state of {announced} bytes; between 0 and {AttackStateTransfer.MaxBytes} are allowed");
        }

        return announced == 0 ? null : new StateReceiver(announced);
    }

    /// <summary>Appends a chunk; throws when it is too large or would overflow the announced length.</summary>
    public void Append(ModelChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var data = chunk.Data.Span;
        if (data.Length > ModelChunks.MaxChunkBytes)
        {
            throw new ModelStreamException($"sent a chunk of {data.Length} bytes; at most {ModelChunks.MaxChunkBytes} are allowed");
        }

        if (data.Length > _announced - _bytes.WrittenCount)
        {
            throw new ModelStreamException($"sent more than the {_announced} bytes of attack state it announced");
        }

        _bytes.Write(data);
    }

    /// <summary>The state, once every announced byte arrived; an error otherwise.</summary>
    public byte[] Complete()
    {
        if (!Full)
        {
            throw new ModelStreamException($"sent {_bytes.WrittenCount} of the {_announced} bytes of attack state it announced");
        }

        return _bytes.WrittenSpan.ToArray();
    }
}
