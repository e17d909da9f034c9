using System.Security.Cryptography;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy.Tests.SecureAggregation;

public sealed class AdvertisedKeyCheckTests
{
    [Fact]
    public void Problem_AClientsOwnAdvertisedKeys_None()
    {
        using var client = SecAggClient.Unassigned(4);

        Assert.Null(AdvertisedKeyCheck.Problem(client.Advertise()));
    }

    [Fact]
    public void Problem_GarbageOrTruncatedKey_NamesWhichKey()
    {
        using var client = SecAggClient.Unassigned(1);
        var keys = client.Advertise();

        Assert.Contains("mask public key (3 bytes) is not a valid P-256 public key", AdvertisedKeyCheck.Problem(keys with { MaskKey = [1, 2, 3] }));
        Assert.Contains("channel public key", AdvertisedKeyCheck.Problem(keys with { ChannelKey = keys.ChannelKey[..^4] }));
        Assert.Contains("mask public key has 2 bytes after the key", AdvertisedKeyCheck.Problem(keys with { MaskKey = [.. keys.MaskKey, 0, 0] }));
    }

    [Fact]
    public void Problem_AKeyOnAnotherCurve_Refused()
    {
        using var client = SecAggClient.Unassigned(1);
        using var p384 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);

        var problem = AdvertisedKeyCheck.Problem(client.Advertise() with { MaskKey = p384.PublicKey.ExportSubjectPublicKeyInfo() });

        Assert.Contains("not P-256", problem);
    }
}
