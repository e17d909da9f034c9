using System.Security.Cryptography;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Checks the public keys a client advertises before anyone agrees a secret with them: each must be a P-256
/// SubjectPublicKeyInfo whose point lies on the curve (.NET's import validates the point). A hostile key would otherwise
/// throw later, inside an honest client's key agreement or the server's unmasking.
/// </summary>
internal static class AdvertisedKeyCheck
{
    /// <summary>
    /// Why <paramref name="keys"/> cannot be agreed with, or null when they can. Whose keys they are is the caller's check
    /// (the server's report intake refuses keys of another client before this).
    /// </summary>
    public static string? Problem(AdvertisedKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return KeyProblem(keys.ChannelKey, "channel") ?? KeyProblem(keys.MaskKey, "mask");
    }

    private static string? KeyProblem(byte[] key, string which)
    {
        try
        {
            using var ecdh = ECDiffieHellman.Create();
            ecdh.ImportSubjectPublicKeyInfo(key, out int read);
            if (read != key.Length)
            {
                return $"its {which} public key has {key.Length - read} bytes after the key";
            }

            var curve = ecdh.ExportParameters(false).Curve;
            return curve.Oid?.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                ? null
                : $"its {which} public key is on curve {curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "(unnamed)"}, not P-256";
        }
        catch (CryptographicException e)
        {
            return $"its {which} public key ({key.Length} bytes) is not a valid P-256 public key: {e.Message}";
        }
    }
}
