using FedSec.Network.Security;

namespace FedSec.Network.Server;

/// <summary>How a distributed server runs its rounds and whom it admits.</summary>
public sealed class FederationOptions
{
    /// <summary>The run's identity, part of every signed update (a checkpoint keeps it across a restart).</summary>
    public required string RunId { get; init; }

    /// <summary>The resolved configuration the nodes receive (YAML).</summary>
    public required string ConfigYaml { get; init; }

    /// <summary>
    /// How long a round waits for its clients before it goes on with those that reported; null waits until every sampled
    /// client reported or was dropped (its node lost, its update rejected).
    /// </summary>
    /// <value>The default value is null.</value>
    public TimeSpan? RoundTimeout { get; init; }

    /// <summary>
    /// How long each step of secure aggregation after the reports (shares, masked inputs, unmasking) waits for a client
    /// that has not answered it; a client that misses it is dropped from the round's aggregation for that step. Null:
    /// <see cref="RoundTimeout"/> when it is set, else <see cref="SecAggStepNodeTimeouts"/> times <see cref="NodeTimeout"/>,
    /// so that a node that stays alive (heartbeats) but never answers a step cannot hold the server (see
    /// <see cref="SecAggStepDeadline"/>).
    /// </summary>
    /// <value>The default value is null.</value>
    public TimeSpan? SecAggStepTimeout { get; init; }

    /// <summary>How many node timeouts a secure aggregation step waits by default (without <see cref="RoundTimeout"/> or <see cref="SecAggStepTimeout"/>).</summary>
    public const int SecAggStepNodeTimeouts = 6;

    /// <summary>The deadline of each secure aggregation step: <see cref="SecAggStepTimeout"/>, else <see cref="RoundTimeout"/>, else 6 × <see cref="NodeTimeout"/> (60 s by default).</summary>
    public TimeSpan SecAggStepDeadline => SecAggStepTimeout ?? RoundTimeout ?? NodeTimeout * SecAggStepNodeTimeouts;

    /// <summary>What happens when fewer than <c>min_clients</c> reported.</summary>
    /// <value>The default value is <see cref="ShortfallPolicy.Fail"/>.</value>
    public ShortfallPolicy OnShortfall { get; init; } = ShortfallPolicy.Fail;

    /// <summary>Retries of a round that fell short, with <see cref="ShortfallPolicy.Retry"/>.</summary>
    /// <value>The default value is 3.</value>
    public int Retries { get; init; } = 3;

    /// <summary>How long a retried round waits when there is no <see cref="RoundTimeout"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan RetryWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server waits for nodes to host every client before the first round.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan JoinTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often nodes send heartbeats.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A node not heard from for this long is lost: its clients still pending in the round are dropped.</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan NodeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether an own-update model-poisoning attack (Byzantine, sign flip, Gaussian, lazy worker) runs in the malicious
    /// clients' processes, which send the forged update, rather than in the server as FedML does.
    /// </summary>
    /// <value>The default value is true.</value>
    public bool OwnUpdateAttacksAtClients { get; init; } = true;

    /// <summary>How many nodes share the clients when a node names none (each takes the next ⌈n / nodes⌉ free ones).</summary>
    /// <value>The default value is 1.</value>
    public int ExpectedNodes { get; init; } = 1;

    /// <summary>The node keys admitted; null admits any node without a key check (allowed only with --insecure).</summary>
    public AllowList? AllowList { get; init; }

    /// <summary>How far a join's signed timestamp may be from the server's clock.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan JoinClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
