using System.Security.Cryptography;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Privacy.Tests.SecureAggregation;

public class ShamirTests
{
    [Fact]
    public void Combine_AnyThresholdShares_GiveTheSecret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = Shamir.Split(secret, 3, [1, 2, 3, 4, 5]);
        Assert.Equal(secret, Shamir.Combine([(2, shares[1]), (4, shares[3]), (5, shares[4])], 32));
        Assert.Equal(secret, Shamir.Combine([(1, shares[0]), (3, shares[2]), (4, shares[3]), (5, shares[4])], 32));
    }

    [Fact]
    public void Combine_FewerThanThreshold_DoNotGiveTheSecret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = Shamir.Split(secret, 3, [1, 2, 3, 4, 5]);
        byte[]? combined = null;
        try
        {
            combined = Shamir.Combine([(1, shares[0]), (2, shares[1])], 32);
        }
        catch (CryptographicException)
        {
            // A combination past 32 bytes is refused: also not the secret.
        }

        Assert.NotEqual(secret, combined);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(-6)]
    [InlineData(5040)]
    [InlineData(-362880)]
    [InlineData(long.MaxValue)]
    public void InverseOfSmall_TimesTheValue_IsOneModP(long a)
    {
        var inverse = Shamir.InverseOfSmall(a);
        Assert.InRange(inverse, System.Numerics.BigInteger.Zero, Shamir.Prime - 1);
        Assert.Equal(System.Numerics.BigInteger.One, ((a * inverse % Shamir.Prime) + Shamir.Prime) % Shamir.Prime);
        Assert.Equal(System.Numerics.BigInteger.ModPow(((a % Shamir.Prime) + Shamir.Prime) % Shamir.Prime, Shamir.Prime - 2, Shamir.Prime), inverse);
    }

    [Fact]
    public void Combine_WithAHundredHolders_WhoseDenominatorsOutgrowAWord_GivesTheSecret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var points = Enumerable.Range(1, 100).ToArray();
        var shares = Shamir.Split(secret, 60, points);
        Assert.Equal(secret, Shamir.Combine(points.Select(x => (x, shares[x - 1])).ToArray(), 32));
    }
}
