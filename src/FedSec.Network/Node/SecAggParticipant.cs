using System.Security.Cryptography;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using FedSec.Privacy.SecureAggregation;
using FedSec.Simulation;

namespace FedSec.Network.Node;

/// <summary>
/// A node's side of one round of secure aggregation, for each client it trained (FedSec.Privacy's
/// <see cref="SecAggClient"/>, as in the simulation): reports the client with its fresh public keys instead of its
/// update, then answers the server's steps: encrypts its shares to its neighbours, takes the shares addressed to it and
/// sends its masked input pᵢ·(wᵢ − G) quantised, and reveals the shares it holds for the survivors (seeds) and the
/// dropped (mask keys). The update never leaves the node unmasked.
/// </summary>
internal sealed class SecAggParticipant : IDisposable
{
    private readonly Federation.FederationClient _client;
    private readonly string _session;
    private readonly string _runId;
    private readonly int _round;
    private readonly float[] _global;
    private readonly NodeKey? _key;
    private readonly Action<string> _log;
    private readonly TransientRetry _retry;
    private readonly Dictionary<int, (SecAggClient Client, ClientResult Result)> _clients = new();

    public SecAggParticipant(Federation.FederationClient client, string session, string runId, int round, float[] global, NodeKey? key, Action<string> log, TransientRetry retry)
    {
        _retry = retry;
        _client = client;
        _session = session;
        _runId = runId;
        _round = round;
        _global = global;
        _key = key;
        _log = log;
    }

    /// <summary>Reports the trained clients, then answers every step until the server says the round's aggregation is over.</summary>
    public async Task RunAsync(IReadOnlyList<ClientResult> results, Action<SecAggStep>? afterStep, Func<int, byte[]?> attackState, CancellationToken cancellation)
    {
        foreach (var result in results)
        {
            var secAgg = SecAggClient.Unassigned(result.ClientId);
            _clients[result.ClientId] = (secAgg, result);
            var header = Header(result.ClientId, SecAggStep.SecaggReport);
            header.Keys = SecAggWire.ToWire(secAgg.Advertise());
            header.SampleCount = result.SampleCount;
            header.MeanLoss = result.MeanLoss;
            header.DivergedReason = result.DivergedReason ?? string.Empty;
            var state = attackState(result.ClientId);
            header.AttackStateLength = state?.Length ?? 0;
            await Send(header, ModelChunks.Split(state).ToList(), cancellation).ConfigureAwait(false);
        }

        afterStep?.Invoke(SecAggStep.SecaggReport);
        var after = SecAggStep.SecaggReport;
        while (true)
        {
            var poll = new SecAggPoll { Session = _session, Round = _round, AfterStep = after };
            var task = await _retry.RunAsync(
                async () => await _client.SecAggNextAsync(poll, cancellationToken: cancellation).ConfigureAwait(false),
                $"Round {_round + 1}: asking for secure aggregation's step after {after}",
                cancellation).ConfigureAwait(false);
            if (task.Step == SecAggStep.SecaggDone)
            {
                return;
            }

            if (task.Step == SecAggStep.SecaggNone)
            {
                continue;
            }

            foreach (var t in task.Clients)
            {
                if (!_clients.TryGetValue(t.Client, out var mine))
                {
                    _log($"Round {_round + 1}: the server asked for secure aggregation's {task.Step} of client {t.Client}, which this node did not train; ignored.");
                    continue;
                }

                IReadOnlyList<ModelChunk> chunks = Array.Empty<ModelChunk>();
                SecAggHeader? header = task.Step switch
                {
                    SecAggStep.SecaggShares => Shares(mine.Client, t, task.Threshold),
                    SecAggStep.SecaggMasked => Masked(mine.Client, mine.Result, t, task, out chunks),
                    SecAggStep.SecaggUnmask => Unmask(mine.Client, task),
                    _ => null,
                };
                if (header is not null)
                {
                    await Send(header, chunks, cancellation).ConfigureAwait(false);
                }
            }

            after = task.Step;
            afterStep?.Invoke(after);
        }
    }

    public void Dispose()
    {
        foreach (var (client, _) in _clients.Values)
        {
            client.Dispose();
        }
    }

    private SecAggHeader Shares(SecAggClient client, SecAggClientTask task, int threshold)
    {
        var keys = task.NeighbourKeys.Select(SecAggWire.FromWire).ToDictionary(k => k.Client);
        client.Assign(keys.Keys.Order().ToArray(), threshold);
        var header = Header(client.Id, SecAggStep.SecaggShares);
        header.Shares.AddRange(client.ShareKeys(keys).Select(SecAggWire.ToWire));
        return header;
    }

    private SecAggHeader Masked(SecAggClient client, ClientResult result, SecAggClientTask task, SecAggTask step, out IReadOnlyList<ModelChunk> chunks)
    {
        // The shares relayed are those of the neighbours that shared (U₂); the others dropped out before it and are not masked with.
        client.MaskOnlyWith(task.Shares.Select(s => s.From).ToHashSet());
        foreach (var share in task.Shares)
        {
            try
            {
                client.Receive(SecAggWire.FromWire(share));
            }
            catch (Exception e) when (e is CryptographicException or KeyNotFoundException)
            {
                _log($"Round {_round + 1}: client {client.Id} could not take the share from client {share.From} ({e.Message.TrimEnd('.')}); it is left out.");
            }
        }

        if (result.Weights.Length != step.VectorLength)
        {
            throw new FederationException($"The server's secure aggregation expects vectors of {step.VectorLength} values; client {result.ClientId}'s model has {result.Weights.Length}.");
        }

        // As the simulation: Δ = w − G, then pᵢ·Δ clipped to [−c, c] and quantised (SecureAggregationProtocol).
        var delta = new float[result.Weights.Length];
        System.Numerics.Tensors.TensorPrimitives.Subtract(result.Weights, _global, delta);
        var quantised = new uint[delta.Length];
        int saturated = new FixedPoint(step.ClippingRange, step.QuantizationRange).Quantize(delta, task.Scale, quantised);
        var header = Header(client.Id, SecAggStep.SecaggMasked);
        header.VectorLength = delta.Length;
        header.Saturated = saturated;
        chunks = MaskedVectors.Split(client.Mask(quantised)).ToList();
        return header;
    }

    private SecAggHeader Unmask(SecAggClient client, SecAggTask task)
    {
        var header = Header(client.Id, SecAggStep.SecaggUnmask);
        header.Reveals.AddRange(client.Unmask(task.Survivors.ToHashSet()).Select(SecAggWire.ToWire));
        return header;
    }

    private SecAggHeader Header(int client, SecAggStep step) => new() { Session = _session, Round = _round, Client = client, Step = step };

    private async Task Send(SecAggHeader header, IReadOnlyList<ModelChunk> chunks, CancellationToken cancellation)
    {
        var reply = await _retry.RunAsync(
            () => SecAggSender.SendAsync(_client, _runId, header, chunks, _key, cancellation),
            $"Round {_round + 1}: sending client {header.Client}'s secure-aggregation {header.Step} message",
            cancellation).ConfigureAwait(false);
        if (!reply.Accepted)
        {
            _log($"Round {_round + 1}: the server rejected client {header.Client}'s secure-aggregation {header.Step} message: {reply.Reason}");
        }
    }
}
