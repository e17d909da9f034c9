using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FedSec.Network.Security;

/// <summary>
/// What <c>fedsec certs create DIR</c> makes, with <see cref="System.Security.Cryptography"/> alone: a CA (ECDSA P-256),
/// a server certificate it signs for the given host names (and the loopback addresses), and per node a key pair with a
/// certificate it signs; plus the allow-list of the node keys. Files: <c>ca.pem</c>, <c>ca.key</c>, <c>server.pem</c>,
/// <c>server.key</c>, <c>node-N.pem</c>, <c>node-N.key</c>, <c>allowed_nodes.txt</c>.
/// </summary>
public static class CertificateSet
{
    /// <summary>The allow-list's file name.</summary>
    public const string AllowListFile = "allowed_nodes.txt";

    /// <summary>Writes a new set into <paramref name="directory"/>; refuses to overwrite an existing CA.</summary>
    /// <param name="directory">Where the files go (created).</param>
    /// <param name="hosts">The server's DNS names or IP addresses (localhost, 127.0.0.1 and ::1 are always added).</param>
    /// <param name="nodes">How many node key pairs and certificates to make.</param>
    /// <param name="validity">How long the certificates are valid.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Create(string directory, IReadOnlyList<string> hosts, int nodes, TimeSpan validity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfNegative(nodes);
        Directory.CreateDirectory(directory);
        string caPath = Path.Combine(directory, "ca.pem");
        if (File.Exists(caPath))
        {
            throw new IOException($"{caPath} exists already; a new CA would make its certificates untrusted. Use another directory, or delete the old set first.");
        }

        var written = new List<string>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=FedSec CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now, now + validity);
        Write(written, caPath, ca.ExportCertificatePem());
        NodeKey.WritePrivate(Path.Combine(directory, "ca.key"), caKey.ExportPkcs8PrivateKeyPem());
        written.Add(Path.Combine(directory, "ca.key"));

        using (var serverKey = NodeKey.Create())
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (string host in hosts.Concat(["localhost", "127.0.0.1", "::1"]).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (IPAddress.TryParse(host, out var ip))
                {
                    names.AddIpAddress(ip);
                }
                else
                {
                    names.AddDnsName(host);
                }
            }

            string cn = hosts.Count > 0 ? hosts[0] : "localhost";
            using var server = Issue(ca, caKey, serverKey, $"CN={cn}", "1.3.6.1.5.5.7.3.1", names.Build(), now, validity);
            Write(written, Path.Combine(directory, "server.pem"), server.ExportCertificatePem());
            serverKey.Save(Path.Combine(directory, "server.key"));
            written.Add(Path.Combine(directory, "server.key"));
        }

        var allow = new List<string> { "# Node public keys the server admits: base64 SubjectPublicKeyInfo, then a name." };
        for (int i = 0; i < nodes; i++)
        {
            using var key = NodeKey.Create();
            using var cert = Issue(ca, caKey, key, $"CN=node-{i}", "1.3.6.1.5.5.7.3.2", null, now, validity);
            Write(written, Path.Combine(directory, $"node-{i}.pem"), cert.ExportCertificatePem());
            key.Save(Path.Combine(directory, $"node-{i}.key"));
            written.Add(Path.Combine(directory, $"node-{i}.key"));
            allow.Add(AllowList.Line(key.PublicKey, $"node-{i}"));
        }

        Write(written, Path.Combine(directory, AllowListFile), string.Join('\n', allow) + "\n");
        return written;
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, ECDsa caKey, NodeKey key, string subject, string usage, X509Extension? names, DateTimeOffset now, TimeSpan validity)
    {
        var request = new CertificateRequest(subject, key.Algorithm, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var generator = X509SignatureGenerator.CreateForECDsa(caKey);
        return request.Create(ca.SubjectName, generator, now, now + validity, serial);
    }

    private static void Write(List<string> written, string path, string text)
    {
        File.WriteAllText(path, text);
        written.Add(path);
    }
}
