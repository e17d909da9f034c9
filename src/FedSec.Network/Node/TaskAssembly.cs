using FedSec.Network.Protocol;
using FedSec.Network.Transport;

namespace FedSec.Network.Node;

/// <summary>
/// A task as the server streams it to a node: a header, then the global model's chunks, or a finish message. Takes the
/// messages one at a time, so the node's reading of what a server sends can be tested and fuzzed without a channel.
/// </summary>
internal sealed class TaskAssembly
{
    private ModelReceiver? _receiver;

    /// <summary>The task's header, once it arrived.</summary>
    public TaskHeader? Header { get; private set; }

    /// <summary>The run's end, when the server sent it instead of a task.</summary>
    public RunFinished? Finished { get; private set; }

    /// <summary>Takes the next message; false once the run finished (nothing more is read).</summary>
    /// <exception cref="FederationException">A message this node does not understand.</exception>
    /// <exception cref="ModelStreamException">A model length or chunk that does not fit.</exception>
    public bool Take(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.BodyCase)
        {
            case TaskMessage.BodyOneofCase.Finished:
                Finished = message.Finished;
                return false;
            case TaskMessage.BodyOneofCase.Header:
                Header = message.Header;
                _receiver = ModelReceiver.Create(Header.ModelLength, Header.ModelLength);
                return true;
            case TaskMessage.BodyOneofCase.Chunk when _receiver is not null:
                _receiver.Append(message.Chunk);
                return true;
            default:
                throw new FederationException("The server sent a task this node does not understand; run the same fedsec version on both.");
        }
    }

    /// <summary>The global model, once every announced byte arrived; null when no header came.</summary>
    /// <exception cref="ModelStreamException">Fewer bytes arrived than the header announced.</exception>
    public float[]? Complete() => _receiver?.Complete();
}
