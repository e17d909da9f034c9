using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using Google.Protobuf;

namespace FedSec.Fuzz.Targets;

/// <summary>
/// What a node streams to the server's SecAggSend: length-delimited <see cref="SecAggMessage"/>s parsed by the generated
/// parser, then taken as the service takes them: the header's digest (the signature's input), its keys, shares and
/// reveals converted to FedSec.Privacy's records (<see cref="SecAggWire"/>, the reveals' big-endian integers), and for a
/// masked input the chunks into a <see cref="ModelReceiver"/> against a 4-value model and the completed vector's bits.
/// Documented errors: <see cref="InvalidProtocolBufferException"/> (bytes that are not the message) and
/// <see cref="ModelStreamException"/> (a length or chunk that does not fit).
/// </summary>
internal static class SecAggTarget
{
    private const int VectorLength = 4;

    public static void Run(Stream input)
    {
        using var bytes = new MemoryStream(InputFile.ReadAll(input));
        try
        {
            var first = SecAggMessage.Parser.ParseDelimitedFrom(bytes);
            if (first.BodyCase != SecAggMessage.BodyOneofCase.Header)
            {
                return;
            }

            var header = first.Header;
            using var digest = SecAggSignature.Digest(header);
            if (header.Keys is { } keys)
            {
                SecAggWire.FromWire(keys);
            }

            foreach (var share in header.Shares)
            {
                SecAggWire.FromWire(share);
            }

            foreach (var reveal in header.Reveals)
            {
                SecAggWire.FromWire(header.Client, reveal);
            }

            var receiver = header.Step == SecAggStep.SecaggMasked ? ModelReceiver.Create(header.VectorLength, VectorLength) : null;
            while (bytes.Position < bytes.Length)
            {
                var next = SecAggMessage.Parser.ParseDelimitedFrom(bytes);
                if (next.BodyCase != SecAggMessage.BodyOneofCase.Chunk || receiver is null)
                {
                    // The service answers "one header, then only chunks" (or "carries none") and reads no further.
                    return;
                }

                receiver.Append(next.Chunk);
                digest.AppendData(next.Chunk.Data.Span);
            }

            if (receiver is not null)
            {
                MaskedVectors.FromBits(receiver.Complete());
            }

            SecAggSignature.Bytes("run", header, digest.GetHashAndReset());
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ModelStreamException)
        {
        }
    }
}
