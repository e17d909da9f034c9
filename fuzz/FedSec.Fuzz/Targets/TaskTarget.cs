using FedSec.Network;
using FedSec.Network.Node;
using FedSec.Network.Protocol;
using FedSec.Network.Transport;
using Google.Protobuf;

namespace FedSec.Fuzz.Targets;

/// <summary>
/// What the server streams to a node's NextTask: length-delimited <see cref="TaskMessage"/>s taken by the node's
/// <see cref="TaskAssembly"/>. Documented errors: <see cref="InvalidProtocolBufferException"/>,
/// <see cref="ModelStreamException"/> and <see cref="FederationException"/> (a message the node does not understand).
/// </summary>
internal static class TaskTarget
{
    public static void Run(Stream input)
    {
        using var bytes = new MemoryStream(InputFile.ReadAll(input));
        try
        {
            var task = new TaskAssembly();
            while (bytes.Position < bytes.Length && task.Take(TaskMessage.Parser.ParseDelimitedFrom(bytes)))
            {
            }

            task.Complete();
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ModelStreamException or FederationException)
        {
        }
    }
}
