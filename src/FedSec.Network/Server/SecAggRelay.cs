using FedSec.Network.Protocol;
using FedSec.Privacy.SecureAggregation;

namespace FedSec.Network.Server;

/// <summary>
/// One round of secure aggregation on a distributed server: the keys the clients reported, the step the protocol is at,
/// the encrypted shares it relays, the masked sum (<see cref="SecAggServer"/>) and the revealed shares. It never holds an
/// unmasked update. Not thread-safe: the coordinator uses it under its lock.
/// </summary>
internal sealed class SecAggRelay
{
    public SecAggRelay(int round) => Round = round;

    public int Round { get; }

    /// <summary>Where the protocol is; REPORT until the server's round reaches the aggregation.</summary>
    public SecAggStep Step { get; set; } = SecAggStep.SecaggReport;

    /// <summary>Each reported client's public keys.</summary>
    public Dictionary<int, AdvertisedKeys> Keys { get; } = new();

    /// <summary>The session that reported each client: only it holds the client's secrets for the round.</summary>
    public Dictionary<int, string> ReportedBy { get; } = new();

    /// <summary>The round's setup, once the aggregation started.</summary>
    public SecAggRoundSpec? Spec { get; set; }

    /// <summary>Sums the masked inputs and unmasks the sum.</summary>
    public SecAggServer? Server { get; set; }

    /// <summary>The encrypted shares to relay, by recipient.</summary>
    public Dictionary<int, List<EncryptedShares>> SharesTo { get; } = new();

    /// <summary>The clients that sent their shares.</summary>
    public HashSet<int> SharedBy { get; } = new();

    /// <summary>The clients whose masked input the server summed, fixed when unmasking starts.</summary>
    public IReadOnlySet<int> Survivors { get; set; } = new HashSet<int>();

    /// <summary>Values the clients reported clipping before quantising.</summary>
    public int Saturated { get; set; }

    /// <summary>The clients that revealed their shares.</summary>
    public HashSet<int> RevealedBy { get; } = new();

    /// <summary>The shares revealed so far.</summary>
    public List<RevealedShare> Revealed { get; } = new();

    /// <summary>Clients out of the protocol and why (lost node, deadline, rejected message), in the order they dropped.</summary>
    public Dictionary<int, string> Dropped { get; } = new();

    /// <summary>The participants of the current step that have not answered it and did not drop.</summary>
    public IReadOnlyList<int> Pending()
    {
        if (Spec is not { } spec)
        {
            return Array.Empty<int>();
        }

        IEnumerable<int> due = Step switch
        {
            SecAggStep.SecaggShares => spec.Participants.Where(c => !SharedBy.Contains(c)),
            SecAggStep.SecaggMasked => spec.Participants.Where(c => SharedBy.Contains(c) && !Server!.Survivors.Contains(c)),
            SecAggStep.SecaggUnmask => spec.Participants.Where(c => Survivors.Contains(c) && !RevealedBy.Contains(c)),
            _ => [],
        };
        return due.Where(c => !Dropped.ContainsKey(c)).ToList();
    }
}
