using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using Google.Protobuf;

namespace FedSec.Fuzz.Targets;

/// <summary>
/// What a node streams to the server's SendUpdate: length-delimited <see cref="UpdateMessage"/>s parsed by the generated
/// parser, then taken as the service takes them (a header checked against a 4-value model, its digest, the chunks into
/// a <see cref="ModelReceiver"/>, the completed model). Documented errors: <see cref="InvalidProtocolBufferException"/>
/// (bytes that are not the message) and <see cref="ModelStreamException"/> (a length or chunk that does not fit).
/// </summary>
internal static class UpdateTarget
{
    private const int ModelLength = 4;

    public static void Run(Stream input)
    {
        using var bytes = new MemoryStream(InputFile.ReadAll(input));
        try
        {
            var first = UpdateMessage.Parser.ParseDelimitedFrom(bytes);
            if (first.BodyCase != UpdateMessage.BodyOneofCase.Header)
            {
                return;
            }

            using var digest = SignedBytes.UpdateDigest(first.Header);
            var receiver = ModelReceiver.Create(first.Header.ModelLength, ModelLength);
            while (bytes.Position < bytes.Length)
            {
                var next = UpdateMessage.Parser.ParseDelimitedFrom(bytes);
                if (next.BodyCase != UpdateMessage.BodyOneofCase.Chunk)
                {
                    return;
                }

                receiver.Append(next.Chunk);
                digest.AppendData(next.Chunk.Data.Span);
            }

            receiver.Complete();
            SignedBytes.Update("run", first.Header.Round, first.Header.Client, digest.GetHashAndReset());
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ModelStreamException)
        {
        }
    }
}
