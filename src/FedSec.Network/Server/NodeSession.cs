namespace FedSec.Network.Server;

/// <summary>A node that joined: its session token, name, key, the clients it hosts and when it was last heard from.</summary>
internal sealed class NodeSession
{
    public NodeSession(string id, string name, byte[]? publicKey, string keyName, IReadOnlyList<int> clients, long lastSeen)
    {
        Id = id;
        Name = name;
        PublicKey = publicKey;
        KeyName = keyName;
        Clients = clients;
        ClientSet = new HashSet<int>(clients);
        LastSeen = lastSeen;
    }

    /// <summary>The session token the node presents with every call.</summary>
    public string Id { get; }

    /// <summary>The node's name (<c>fedsec client --name</c>, the host name by default).</summary>
    public string Name { get; }

    /// <summary>The node's public key (null when the server checks no keys).</summary>
    public byte[]? PublicKey { get; }

    /// <summary>The key's name in the allow-list, or "no key".</summary>
    public string KeyName { get; }

    /// <summary>The clients it hosts, ascending.</summary>
    public IReadOnlyList<int> Clients { get; }

    /// <summary>The same, as a set.</summary>
    public IReadOnlySet<int> ClientSet { get; }

    /// <summary>When it was last heard from (a <see cref="TimeProvider"/> timestamp).</summary>
    public long LastSeen { get; set; }

    /// <summary>True once it missed its heartbeats, left (<see cref="LeftReason"/>), or another node with its name and key replaced it.</summary>
    public bool Lost { get; set; }

    /// <summary>Why the node said it left (the Leave call, cleaned); null when it did not.</summary>
    public string? LeftReason { get; set; }

    /// <summary>True once the node was told the run is over.</summary>
    public bool ToldFinished { get; set; }

    /// <summary>How the node is named in messages.</summary>
    public override string ToString() => $"node '{Name}'";
}
