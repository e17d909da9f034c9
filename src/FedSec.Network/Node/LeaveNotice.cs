using FedSec.Network.Protocol;
using Grpc.Core;

namespace FedSec.Network.Node;

/// <summary>
/// Tells the server that a node stops on its own, so that it drops the node's clients from the round at once rather than
/// after its node timeout. Best effort: bounded in time, and a server that cannot be told loses the node as for a crash.
/// </summary>
internal static class LeaveNotice
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    /// <summary>Sends the first sentence of <paramref name="reason"/>; logs whether the server heard it.</summary>
    public static async Task SendAsync(Federation.FederationClient client, string session, string reason, Action<string> log)
    {
        string line = FirstSentence(reason);
        try
        {
            await client.LeaveAsync(new LeaveRequest { Session = session, Reason = line }, deadline: DateTime.UtcNow + Bound).ConfigureAwait(false);
            log("Told the server this node leaves.");
        }
        catch (RpcException e)
        {
            log($"Could not tell the server this node leaves ({e.StatusCode}); it loses the node after its node timeout.");
        }
    }

    /// <summary>The text up to the first full stop followed by a space or a line break (what the server's log needs; the node prints the rest).</summary>
    internal static string FirstSentence(string text)
    {
        string line = text.Split('\n', 2)[0].Trim();
        int end = line.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? line : line[..(end + 1)];
    }
}
