using System.Numerics;
using FedSec.Network.Protocol;
using FedSec.Privacy.SecureAggregation;
using Google.Protobuf;

namespace FedSec.Network.Transport;

/// <summary>Secure aggregation's messages (FedSec.Privacy's records) to and from their protobuf form.</summary>
internal static class SecAggWire
{
    public static SecAggKeys ToWire(AdvertisedKeys keys) => new()
    {
        Client = keys.Client,
        ChannelKey = ByteString.CopyFrom(keys.ChannelKey),
        MaskKey = ByteString.CopyFrom(keys.MaskKey),
    };

    public static AdvertisedKeys FromWire(SecAggKeys keys) => new(keys.Client, keys.ChannelKey.ToByteArray(), keys.MaskKey.ToByteArray());

    public static SecAggShare ToWire(EncryptedShares s) => new()
    {
        From = s.From,
        To = s.To,
        Nonce = ByteString.CopyFrom(s.Nonce),
        Ciphertext = ByteString.CopyFrom(s.Ciphertext),
        Tag = ByteString.CopyFrom(s.Tag),
    };

    public static EncryptedShares FromWire(SecAggShare s) => new(s.From, s.To, s.Nonce.ToByteArray(), s.Ciphertext.ToByteArray(), s.Tag.ToByteArray());

    public static SecAggReveal ToWire(RevealedShare r) => new()
    {
        Owner = r.Owner,
        OfSelfMask = r.OfSelfMask,
        X = r.X,
        Y = ByteString.CopyFrom(r.Y.ToByteArray(isUnsigned: true, isBigEndian: true)),
    };

    public static RevealedShare FromWire(int holder, SecAggReveal r) => new(holder, r.Owner, r.OfSelfMask, r.X, new BigInteger(r.Y.Span, isUnsigned: true, isBigEndian: true));
}
