using FedSec.Network.Status;

namespace FedSec.Network.Server;

/// <summary>The coordinator's status for <c>/status.json</c> and the status page.</summary>
public sealed partial class FederationCoordinator
{
    private static RoundStatus StatusOf(FedSec.Simulation.RoundRecord record)
    {
        var dropped = record.Dropped ?? Array.Empty<FedSec.Simulation.DroppedClient>();
        return new RoundStatus(
            record.Round + 1,
            record.Accuracy,
            record.Loss,
            record.Sampled.Count - dropped.Count,
            dropped.Select(d => $"{d.Client}: {d.Reason}").ToList(),
            record.Defenses.Where(d => d.Verdicts.Count > 0).GroupBy(d => d.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Last().Verdicts.Where(v => v.Flagged && v.ClientId >= 0).Select(v => v.ClientId).ToList()));
    }

    /// <summary>A consistent snapshot of the run: state, nodes, each client's state in the current round, the completed rounds.</summary>
    public FederationStatus Status()
    {
        lock (_gate)
        {
            string state = _finished is { } end ? end.Split('\n')[0]
                : _round is null ? "waiting for nodes"
                : "running";
            var round = _round;
            var clients = Enumerable.Range(0, _server.Config.ClientNumInTotal).Select(c =>
            {
                var host = _nodes.HostOf(c);
                string s = host is null ? "unhosted"
                    : round is null || !round.IsSampled(c) ? "not sampled"
                    : round.HasResult(c) ? "reported"
                    : round.Rejected.ContainsKey(c) ? "rejected"
                    : round.Closed ? "dropped"
                    : "training";
                return new ClientStatus(c, host?.Name, s);
            }).ToList();
            var nodes = _nodes.All.Select(n => new NodeStatus(n.Name, n.KeyName, Ranges(n.Clients), n.Lost, Math.Round(_time.GetElapsedTime(n.LastSeen).TotalSeconds, 1))).ToList();
            return new FederationStatus(_options.RunId, ConfigDigest, state, (round?.Round ?? -1) + 1, _server.Config.CommRound, nodes, clients, _history.ToList());
        }
    }
}
