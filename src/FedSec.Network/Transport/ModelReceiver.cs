using System.Runtime.InteropServices;
using FedSec.Network.Protocol;

namespace FedSec.Network.Transport;

/// <summary>
/// Reassembles a model from its chunks into a vector allocated once, after the announced length was checked against
/// the layout (<see cref="Create(int, int, int)"/>): a peer that announces a wrong length never makes the receiver allocate, and one
/// that sends more than it announced is stopped at the chunk that overflows.
/// </summary>
internal sealed class ModelReceiver
{
    private readonly float[] _model;
    private int _bytes;

    private ModelReceiver(int length) => _model = new float[length];

    /// <summary>Bytes received so far.</summary>
    public int ReceivedBytes => _bytes;

    /// <summary>Whether every announced byte arrived.</summary>
    public bool Full => _bytes == _model.Length * sizeof(float);

    /// <summary>A receiver for a model of <paramref name="announced"/> values, or an error when that is not the layout's length.</summary>
    public static ModelReceiver Create(int announced, int layoutLength) => Create(announced, layoutLength, 1);

    /// <summary>
    /// A receiver for <paramref name="models"/> models of <paramref name="announced"/> values each, one after the other,
    /// or an error when that is not the layout's length or the models do not fit one vector.
    /// </summary>
    public static ModelReceiver Create(int announced, int layoutLength, int models)
    {
        if (announced != layoutLength)
        {
            throw new ModelStreamException($"announces {announced} values; the model has {layoutLength}");
        }

        if (models < 1 || (long)announced * models > Array.MaxLength)
        {
            throw new ModelStreamException($"announces {models} models of {announced} values; between 1 and {Array.MaxLength / Math.Max(1, announced)} fit");
        }

        return new ModelReceiver(announced * models);
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

        var target = MemoryMarshal.AsBytes(_model.AsSpan());
        if (data.Length > target.Length - _bytes)
        {
            throw new ModelStreamException($"sent more than the {_model.Length} values ({target.Length} bytes) it announced");
        }

        data.CopyTo(target[_bytes..]);
        _bytes += data.Length;
    }

    /// <summary>The model, once every announced byte arrived; an error otherwise.</summary>
    public float[] Complete()
    {
        int expected = _model.Length * sizeof(float);
        if (_bytes != expected)
        {
            throw new ModelStreamException($"sent {_bytes} of the {expected} bytes it announced");
        }

        return _model;
    }
}
