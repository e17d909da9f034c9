using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;
using Grpc.Core;

namespace FedSec.Network.Tests.Security;

/// <summary>TLS with the certificates of <c>fedsec certs create</c> and node keys against the allow-list.</summary>
[Collection(OneAtATime.Name)]
public sealed class SecureRunTests : IDisposable
{
    private readonly TestCertificates _certs = new();

    public void Dispose() => _certs.Dispose();

    private Task<LocalFederation> Start(bool startRounds = true) => LocalFederation.StartAsync(
        FakeExperiment.Config(rounds: 1),
        o => new FederationOptions { RunId = o.RunId, ConfigYaml = o.ConfigYaml, AllowList = _certs.Allow, HeartbeatInterval = o.HeartbeatInterval },
        startRounds,
        certificate: _certs.Server);

    [Fact]
    public async Task Run_TlsAndListedNodeKeys_Completes()
    {
        await using var federation = await Start();
        using var k0 = _certs.NodeKey(0);
        using var k1 = _certs.NodeKey(1);
        var nodes = new[] { federation.Node("a", [0, 1], k0, _certs.Ca).RunAsync(), federation.Node("b", [2, 3], k1, _certs.Ca).RunAsync() };
        var result = await federation.Finished();
        await Task.WhenAll(nodes);
        Assert.Single(result.Rounds);
        Assert.Contains("node 'a' joined (node-0)", federation.Logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerCertificateFromAnotherCa_NodeStopsSayingItDoesNotTrustIt()
    {
        await using var federation = await Start(startRounds: false);
        using var other = new TestCertificates();
        using var key = _certs.NodeKey(0);
        var error = await Assert.ThrowsAsync<FederationException>(() => federation.Node("a", [0], key, other.Ca).RunAsync());
        Assert.StartsWith($"The server at {federation.Host.Address} presented a certificate this node does not trust (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("give the CA that signed it with --ca (ca.pem of 'fedsec certs create'), and dial the name in its certificate.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_KeyNotInTheAllowList_RefusedWithPermissionDenied()
    {
        await using var federation = await Start(startRounds: false);
        using var stranger = NodeKey.Create();
        var error = await Assert.ThrowsAsync<RpcException>(() => RawNode.JoinAsync(federation, "x", [0], stranger, _certs.Ca));
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.StartsWith($"The node key {stranger.Fingerprint} is not in the server's allow-list", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_NoKey_RefusedWithUnauthenticated()
    {
        await using var federation = await Start(startRounds: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => RawNode.JoinAsync(federation, "x", [0], null, _certs.Ca));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Join_SignatureByAnotherKey_RefusedWithUnauthenticated()
    {
        await using var federation = await Start(startRounds: false);
        using var listed = _certs.NodeKey(0);
        using var other = NodeKey.Create();
        var request = RawNode.Request("x", [0], listed);
        request.Signature = Google.Protobuf.ByteString.CopyFrom(other.Sign(SignedBytes.Join(request)));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await federation.RawClient(_certs.Ca).JoinAsync(request));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal($"The join request's signature does not match the node key {listed.Fingerprint}.", error.Status.Detail);
    }
}
