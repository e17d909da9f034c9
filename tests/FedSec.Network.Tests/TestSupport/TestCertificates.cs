using System.Security.Cryptography.X509Certificates;
using FedSec.Network.Security;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>A set made by <see cref="CertificateSet.Create"/> in a temporary directory: CA, server certificate, two node keys, allow-list.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TestCertificates()
    {
        CertificateSet.Create(_dir.Path, [], nodes: 2, TimeSpan.FromDays(1));
        Ca = X509CertificateLoader.LoadCertificateFromFile(_dir.File("ca.pem"));
        Server = X509Certificate2.CreateFromPemFile(_dir.File("server.pem"), _dir.File("server.key"));
        Allow = AllowList.Load(_dir.File(CertificateSet.AllowListFile));
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public AllowList Allow { get; }

    public string Directory => _dir.Path;

    public NodeKey NodeKey(int i) => FedSec.Network.Security.NodeKey.Load(_dir.File($"node-{i}.key"));

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        _dir.Dispose();
    }
}
