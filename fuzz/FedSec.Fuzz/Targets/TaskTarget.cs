using FedSec.Network;
using FedSec.Network.Node;
using FedSec.Network.Protocol;
using Google.Protobuf;

namespace FedSec.Fuzz.Targets;

/// <summary>
/// What the server streams to a node's NextTask: length-delimited <see cref="TaskMessage"/>s taken by the node's
/// <see cref="TaskAssembly"/> of a node whose model has 4 values. Documented errors:
/// <see cref="InvalidProtocolBufferException"/> (bytes that are not the message) and <see cref="FederationException"/>
/// (a message the node does not understand, a model length or chunk that does not fit).
/// </summary>
internal static class TaskTarget
{
    public static void Run(Stream input)
    {
        using var bytes = new MemoryStream(InputFile.ReadAll(input));
        try
        {
            var task = new TaskAssembly(4);
            while (bytes.Position < bytes.Length && task.Take(TaskMessage.Parser.ParseDelimitedFrom(bytes)))
            {
            }

            task.Complete();
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FederationException)
        {
        }
    }
}
