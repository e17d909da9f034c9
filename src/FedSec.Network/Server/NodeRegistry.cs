using System.Security.Cryptography;
using Grpc.Core;

namespace FedSec.Network.Server;

/// <summary>
/// The nodes of a run and which clients each hosts. A client is hosted by at most one live node; a node that restarts
/// (same name and key, and some of the same clients, or none named) replaces its old session; a node that misses its
/// heartbeats is lost and its clients are free.
/// Not thread-safe: the coordinator calls it under its lock.
/// </summary>
internal sealed class NodeRegistry
{
    private readonly Dictionary<string, NodeSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, NodeSession> _hosts = new();
    private readonly int _totalClients;
    private readonly int _share;

    /// <param name="totalClients">client_num_in_total.</param>
    /// <param name="expectedNodes">How many nodes the clients are shared among when a node names none.</param>
    public NodeRegistry(int totalClients, int expectedNodes)
    {
        _totalClients = totalClients;
        _share = (totalClients + Math.Max(1, expectedNodes) - 1) / Math.Max(1, expectedNodes);
    }

    /// <summary>The live sessions.</summary>
    public IEnumerable<NodeSession> Live => _sessions.Values.Where(s => !s.Lost);

    /// <summary>Every session, lost ones included.</summary>
    public IEnumerable<NodeSession> All => _sessions.Values;

    /// <summary>
    /// Admits a node hosting <paramref name="requested"/> (none: the next free share of the clients); refuses an unknown
    /// client id, a client another live node hosts, or no free client, each with a sentence that says what to do.
    /// </summary>
    public NodeSession Join(string name, IReadOnlyList<int> requested, byte[]? publicKey, string keyName, long now)
    {
        var unknown = requested.Where(c => c < 0 || c >= _totalClients).Distinct().Order().ToList();
        if (unknown.Count > 0)
        {
            throw new JoinRefusedException(StatusCode.InvalidArgument, $"{Clients(unknown)} {(unknown.Count == 1 ? "does" : "do")} not exist: this run's clients are 0 to {_totalClients - 1} (client_num_in_total = {_totalClients}); host only those.");
        }

        // The same node coming back (restarted, or reconnecting after the server lost it): its old session goes. A node of
        // the same name and key that hosts other clients is another node (two `fedsec client` on one machine both take
        // its host name): it stays.
        foreach (var old in _sessions.Values.Where(s => !s.Lost && s.Name == name && SameKey(s.PublicKey, publicKey)
                     && (requested.Count == 0 || requested.Any(s.ClientSet.Contains))).ToList())
        {
            Drop(old);
        }

        IReadOnlyList<int> clients;
        if (requested.Count > 0)
        {
            var taken = requested.Where(_hosts.ContainsKey).Distinct().Order().ToList();
            if (taken.Count > 0)
            {
                var holder = _hosts[taken[0]];
                throw new JoinRefusedException(StatusCode.AlreadyExists, $"{Clients(taken)} {(taken.Count == 1 ? "is" : "are")} already hosted by {holder}; a client is hosted by one node at a time: give this node other clients (--clients), or stop the other node first.");
            }

            clients = requested.Distinct().Order().ToList();
        }
        else
        {
            clients = Enumerable.Range(0, _totalClients).Where(c => !_hosts.ContainsKey(c)).Take(_share).ToList();
            if (clients.Count == 0)
            {
                throw new JoinRefusedException(StatusCode.ResourceExhausted, $"Every one of the {_totalClients} clients is already hosted by a node; this node has nothing to do (name clients with --clients to replace a node that is gone).");
            }
        }

        var session = new NodeSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), name, publicKey, keyName, clients, now);
        _sessions[session.Id] = session;
        foreach (int c in clients)
        {
            _hosts[c] = session;
        }

        return session;
    }

    /// <summary>The session for a token, or null (unknown, or replaced and forgotten).</summary>
    public NodeSession? Find(string id) => _sessions.TryGetValue(id, out var s) ? s : null;

    /// <summary>The live node hosting a client, or null.</summary>
    public NodeSession? HostOf(int client) => _hosts.TryGetValue(client, out var s) ? s : null;

    /// <summary>The clients no live node hosts, ascending.</summary>
    public IReadOnlyList<int> Unhosted() => Enumerable.Range(0, _totalClients).Where(c => !_hosts.ContainsKey(c)).ToList();

    /// <summary>Marks the sessions not heard from since <paramref name="before"/> as lost and frees their clients; returns them.</summary>
    public IReadOnlyList<NodeSession> ExpireSilent(long before)
    {
        var lost = _sessions.Values.Where(s => !s.Lost && s.LastSeen < before).ToList();
        foreach (var s in lost)
        {
            Drop(s);
        }

        return lost;
    }

    /// <summary>Marks a session as lost (its node left) and frees its clients.</summary>
    public void Leave(NodeSession session) => Drop(session);

    /// <summary>"3" or "3, 5 and 7".</summary>
    public static string Ids(IReadOnlyList<int> ids) =>
        ids.Count == 1 ? ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{string.Join(", ", ids.SkipLast(1))} and {ids[^1]}";

    /// <summary>"Client 3" or "Clients 3, 5 and 7".</summary>
    public static string Clients(IReadOnlyList<int> ids) => (ids.Count == 1 ? "Client " : "Clients ") + Ids(ids);

    private static bool SameKey(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private void Drop(NodeSession session)
    {
        session.Lost = true;
        foreach (int c in session.Clients)
        {
            if (_hosts.TryGetValue(c, out var holder) && ReferenceEquals(holder, session))
            {
                _hosts.Remove(c);
            }
        }
    }
}
