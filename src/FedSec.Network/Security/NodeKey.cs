using System.Security.Cryptography;

namespace FedSec.Network.Security;

/// <summary>
/// A node's ECDSA P-256 key pair: it signs the node's join request and every update it sends; the server admits only
/// the public keys of its allow-list (<see cref="AllowList"/>). <c>fedsec certs create</c> makes one per node (the key
/// of the node's TLS certificate, in PKCS#8 PEM).
/// </summary>
public sealed class NodeKey : IDisposable
{
    private readonly ECDsa _key;

    private NodeKey(ECDsa key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>The public key, as SubjectPublicKeyInfo DER (what the allow-list holds, base64).</summary>
    public byte[] PublicKey { get; }

    /// <summary>A short fingerprint of the public key for messages: the first 16 hex digits of its SHA-256.</summary>
    public string Fingerprint => FingerprintOf(PublicKey);

    /// <summary>A new random key pair.</summary>
    public static NodeKey Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a private key from a PEM file (PKCS#8 or SEC1 EC); throws <see cref="IOException"/> naming the file on any problem.</summary>
    public static NodeKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new IOException($"The node key file {path} cannot be read ({e.Message}); pass the node-N.key that 'fedsec certs create' wrote.", e);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new IOException($"The node key file {path} holds no ECDSA private key in PEM ({e.Message}).", e);
        }

        return new NodeKey(key);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of a public key.</summary>
    public static string FingerprintOf(byte[] publicKey) => Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];

    /// <summary>Verifies <paramref name="signature"/> over <paramref name="data"/> with a public key (SubjectPublicKeyInfo DER).</summary>
    public static bool Verify(byte[] publicKey, byte[] data, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(data, signature, HashAlgorithmName.SHA256);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Writes the private key as PKCS#8 PEM, readable by its owner only (on Unix).</summary>
    public void Save(string path) => WritePrivate(path, _key.ExportPkcs8PrivateKeyPem());

    /// <summary>Writes a private key's text to a file only its owner may read (on Unix).</summary>
    internal static void WritePrivate(string path, string text)
    {
        File.WriteAllText(path, string.Empty);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(path, text);
    }

    /// <summary>Signs <paramref name="data"/> (ECDSA P-256 over SHA-256).</summary>
    public byte[] Sign(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256);

    /// <summary>The key for building a certificate request.</summary>
    internal ECDsa Algorithm => _key;

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
