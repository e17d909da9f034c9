using FedSec.Network.Protocol;
using FedSec.Network.Transport;

namespace FedSec.Network.Node;

/// <summary>
/// A task as the server streams it to a node: a header, then the global model's chunks, or a finish message. Takes the
/// messages one at a time, so the node's reading of what a server sends can be tested and fuzzed without a channel.
/// The announced model length is checked against the node's own layout before anything is allocated: a server that
/// announces a negative or huge length gets a clear error, not an overflow or the node's memory.
/// </summary>
/// <param name="layoutLength">The length of the node's model (its parameter layout).</param>
internal sealed class TaskAssembly(int layoutLength)
{
    private ModelReceiver? _receiver;

    /// <summary>The task's header, once it arrived.</summary>
    public TaskHeader? Header { get; private set; }

    /// <summary>The run's end, when the server sent it instead of a task.</summary>
    public RunFinished? Finished { get; private set; }

    /// <summary>Takes the next message; false once the run finished (nothing more is read).</summary>
    /// <exception cref="FederationException">A message this node does not understand, or a model length or chunk that does not fit.</exception>
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
                _receiver = Checked(() => ModelReceiver.Create(message.Header.ModelLength, layoutLength, ModelCount(message.Header)));
                return true;
            case TaskMessage.BodyOneofCase.Chunk when _receiver is not null:
                Checked(() => _receiver.Append(message.Chunk));
                return true;
            default:
                throw new FederationException("The server sent a task this node does not understand; run the same fedsec version on both.");
        }
    }

    /// <summary>
    /// The models, once every announced byte arrived: the global model, then in an asynchronous run each other start
    /// model in the order of <see cref="TaskHeader.ModelStaleness"/> (<see cref="TaskPlan"/> splits them); null when no
    /// header came.
    /// </summary>
    /// <exception cref="FederationException">Fewer bytes arrived than the header announced.</exception>
    public float[]? Complete() => _receiver is null ? null : Checked(_receiver.Complete);

    /// <summary>
    /// How many models follow the header: one in a synchronous run; in an asynchronous one, one per listed staleness,
    /// the first 0 (the global model), each listed once and each other one some client's (so at most one more than the
    /// node's clients): checked before anything is allocated.
    /// </summary>
    private static int ModelCount(TaskHeader header)
    {
        var models = header.ModelStaleness;
        if (header.Staleness.Count == 0 && models.Count == 0)
        {
            return 1;
        }

        if (header.Staleness.Count != header.Clients.Count || header.Clients.Distinct().Count() != header.Clients.Count)
        {
            throw new ModelStreamException($"gives {header.Staleness.Count} staleness values for its {header.Clients.Count} clients; an asynchronous task gives one per client, each client once");
        }

        if (models.Count == 0 || models[0] != 0 || models.Distinct().Count() != models.Count
            || models.Skip(1).Any(k => !header.Staleness.Contains(k)) || header.Staleness.Any(k => k < 0 || !models.Contains(k)))
        {
            throw new ModelStreamException($"sends models of staleness [{string.Join(", ", models)}] for clients of staleness [{string.Join(", ", header.Staleness)}]; it sends the global model (0) first, then each other staleness its clients have, once");
        }

        return models.Count;
    }

    private T Checked<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (ModelStreamException e)
        {
            throw new FederationException($"The server's task for round {(Header?.Round ?? 0) + 1} {e.Message}; run the same fedsec version and configuration on the server and the nodes.", e);
        }
    }

    private void Checked(Action step) => Checked(() =>
    {
        step();
        return true;
    });
}
