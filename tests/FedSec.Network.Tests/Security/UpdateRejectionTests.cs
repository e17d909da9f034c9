using FedSec.Network.Security;
using FedSec.Network.Server;
using FedSec.Network.Tests.TestSupport;

namespace FedSec.Network.Tests.Security;

/// <summary>
/// Every hostile update is rejected, with a logged reason, before any defense sees it: a bad signature, a replay (twice,
/// or an earlier round's), a client the node does not own, a wrong length, a non-finite value, an oversized stream, an
/// unknown session. (An unknown key never gets a session: see <see cref="SecureRunTests"/>.) Node a hosts clients 0-1
/// and node b clients 2-3, both with listed keys over TLS.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class UpdateRejectionTests : IAsyncLifetime, IDisposable
{
    private readonly TestCertificates _certs = new();
    private readonly NodeKey _keyA;
    private readonly NodeKey _keyB;
    private LocalFederation _federation = null!;
    private RawNode _a = null!;
    private RawNode _b = null!;
    private float[] _global = [];

    public UpdateRejectionTests()
    {
        _keyA = _certs.NodeKey(0);
        _keyB = _certs.NodeKey(1);
    }

    public async Task InitializeAsync()
    {
        _federation = await LocalFederation.StartAsync(
            FakeExperiment.Config(rounds: 2, minClients: 3),
            o => new FederationOptions { RunId = o.RunId, ConfigYaml = o.ConfigYaml, AllowList = _certs.Allow, HeartbeatInterval = o.HeartbeatInterval, NodeTimeout = TimeSpan.FromSeconds(60) },
            certificate: _certs.Server);
        _a = await RawNode.JoinAsync(_federation, "a", [0, 1], _keyA, _certs.Ca);
        _b = await RawNode.JoinAsync(_federation, "b", [2, 3], _keyB, _certs.Ca);
        (_, _global) = await _a.NextTaskAsync(-1);
    }

    public async Task DisposeAsync() => await _federation.DisposeAsync();

    public void Dispose()
    {
        _keyA.Dispose();
        _keyB.Dispose();
        _certs.Dispose();
    }

    private float[] Valid() => (float[])_global.Clone();

    private void AssertLogged(string reason) => Assert.Contains(reason, _federation.Logged, StringComparison.Ordinal);

    [Fact]
    public async Task SendUpdate_SignatureOverOtherValues_RejectedAsBadSignature()
    {
        var other = Valid();
        other[0] += 1;
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, signedPayload: other);
        Assert.False(reply.Accepted);
        Assert.Contains($"its signature does not verify with node 'a''s key {_keyA.Fingerprint}", reply.Reason, StringComparison.Ordinal);
        AssertLogged("Rejected the update for client 0, round 1, from node 'a': its signature does not verify");
    }

    [Fact]
    public async Task SendUpdate_SignedWithAnotherNodesKey_RejectedAsBadSignature()
    {
        var reply = await _a.SendAsync(0, 0, Valid(), _keyB);
        Assert.False(reply.Accepted);
        Assert.Contains("its signature does not verify", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_CarryingAnAttackStateTheRunTakesNot_RejectedNamingTheAttackState()
    {
        // This run's attack (Byzantine) has no trigger that adapts, and client 0 may not even be its attacker: either way
        // the state is refused, with the update, before the round sees it.
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, attackState: [1, 2, 3]);

        Assert.False(reply.Accepted);
        Assert.Contains("attack state", reply.Reason, StringComparison.Ordinal);
        AssertLogged("Rejected the update for client 0, round 1, from node 'a': it");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData((64 << 20) + 1)]
    public async Task SendUpdate_AnnouncingAnAttackStateOfAnImpossibleLength_RejectedBeforeAnyChunk(int announced)
    {
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, announcedState: announced);

        Assert.False(reply.Accepted);
        Assert.Contains($"it announces an attack state of {announced} bytes; between 0 and {64 << 20} are allowed", reply.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 20, "it sent more than the 10 bytes of attack state it announced")]
    [InlineData(10, 5, "it sent 5 of the 10 bytes of attack state it announced")]
    public async Task SendUpdate_AttackStateChunksOtherThanAnnounced_RejectedNamingBoth(int announced, int sent, string reason)
    {
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, attackState: new byte[sent], announcedState: announced);

        Assert.False(reply.Accepted);
        Assert.Contains(reason, reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_SameUpdateTwice_SecondRejectedAsReplay()
    {
        Assert.True((await _a.SendAsync(0, 0, Valid(), _keyA)).Accepted);
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA);
        Assert.False(reply.Accepted);
        Assert.EndsWith("client 0's update for round 1 arrived already (a replayed update).", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_EarlierRoundsUpdate_RejectedAsReplay()
    {
        foreach (var (node, key, client) in new[] { (_a, _keyA, 0), (_a, _keyA, 1), (_b, _keyB, 2), (_b, _keyB, 3) })
        {
            Assert.True((await node.SendAsync(0, client, Valid(), key)).Accepted);
        }

        await _a.NextTaskAsync(0);
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA);
        Assert.False(reply.Accepted);
        Assert.EndsWith("it is for round 1, and the current round is 2 (a replayed or late update).", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_ClientTheNodeDoesNotHost_RejectedAndTheOwnersClientKept()
    {
        var reply = await _a.SendAsync(0, 2, Valid(), _keyA);
        Assert.False(reply.Accepted);
        Assert.EndsWith("client 2 is not hosted by node 'a' (it hosts 0-1).", reply.Reason, StringComparison.Ordinal);
        Assert.True((await _b.SendAsync(0, 2, Valid(), _keyB)).Accepted);
    }

    [Fact]
    public async Task SendUpdate_WrongLength_RejectedBeforeThePayloadIsRead()
    {
        var reply = await _a.SendAsync(0, 0, Valid()[..7], _keyA);
        Assert.False(reply.Accepted);
        Assert.EndsWith("it announces 7 values; the model has 8.", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_MoreValuesThanAnnounced_RejectedAsOversizedStream()
    {
        var reply = await _a.SendAsync(0, 0, [.. Valid(), 1f], _keyA, announced: 8);
        Assert.False(reply.Accepted);
        Assert.EndsWith("it sent more than the 8 values (32 bytes) it announced (an oversized stream).", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_UnknownSession_Rejected()
    {
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, session: "0123456789abcdef");
        Assert.False(reply.Accepted);
        Assert.EndsWith("from an unknown node: it comes from an unknown or expired session (a node joins first, and joins again after it was lost).", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_NonFiniteValue_RejectedAndDroppedBeforeAnyDefenseSeesIt()
    {
        var poisoned = Valid();
        poisoned[3] = float.NaN;
        var reply = await _a.SendAsync(0, 0, poisoned, _keyA);
        Assert.False(reply.Accepted);
        Assert.EndsWith("it holds NaN at index 3; every value must be finite.", reply.Reason, StringComparison.Ordinal);

        Assert.True((await _a.SendAsync(0, 1, Valid(), _keyA)).Accepted);
        Assert.True((await _b.SendAsync(0, 2, Valid(), _keyB)).Accepted);
        Assert.True((await _b.SendAsync(0, 3, Valid(), _keyB)).Accepted);
        Cli.Tests.TestSupport.Poll.Until(() => _federation.Completed.Count == 1, TimeSpan.FromSeconds(30), "round 1 to complete");
        var round = _federation.Completed[0];
        Assert.Equal("0: its update was rejected: it holds NaN at index 3; every value must be finite", string.Join(";", round.Dropped!.Select(d => $"{d.Client}: {d.Reason}")));
        Assert.Equal(new[] { 1, 2, 3 }, round.Defenses.Single().Verdicts.Select(v => v.ClientId).Order());
    }

    [Fact]
    public async Task SendUpdate_ReportsADivergenceWithEveryValueFinite_RejectedAsInconsistent()
    {
        var reply = await _a.SendAsync(0, 0, Valid(), _keyA, divergedReason: "client 0's local training produced NaN at w[1]");

        Assert.False(reply.Accepted);
        Assert.EndsWith("it reports that the client's training diverged, but every value is finite.", reply.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendUpdate_DivergenceReasonWithControlCharactersAndLong_RecordedPrintableAndCut()
    {
        var nan = Valid();
        nan[1] = float.NaN;
        string reason = "client 0 \u001b[31mdiverged\r\n" + new string('x', 1000);

        Assert.True((await _a.SendAsync(0, 0, nan, _keyA, divergedReason: reason)).Accepted);
        // The round may not want the others (an honest divergence of the first client in sampling order ends it).
        await _a.SendAsync(0, 1, Valid(), _keyA);
        await _b.SendAsync(0, 2, Valid(), _keyB);
        await _b.SendAsync(0, 3, Valid(), _keyB);
        Cli.Tests.TestSupport.Poll.Until(() => _federation.Completed.Count == 1, TimeSpan.FromSeconds(30), "round 1 to complete");

        // Client 0 is honest or the attacker: either way its reason is kept printable, its first 300 characters.
        var round = _federation.Completed[0];
        string kept = round.Diverged?.Reason ?? Assert.Single(round.Dropped!).Reason;
        Assert.StartsWith("client 0 [31mdivergedxxx", kept, StringComparison.Ordinal);
        Assert.DoesNotContain(kept, char.IsControl);
        Assert.Contains(new string('x', 300 - "client 0 [31mdiverged".Length), kept, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 301 - "client 0 [31mdiverged".Length), kept, StringComparison.Ordinal);
    }
}
