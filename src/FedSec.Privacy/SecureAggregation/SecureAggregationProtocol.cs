using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Privacy.DifferentialPrivacy;
using FedSec.Stages;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>
/// Secure aggregation in the simulation: each round every sampled client runs <see cref="SecAggClient"/> on its weighted
/// update pᵢ·(wᵢ − G), pᵢ its share of the round's aggregation weight, quantised (<see cref="FixedPoint"/>); the server
/// (<see cref="SecAggServer"/>) sums the masked vectors, unmasks the sum with the survivors' shares, and the aggregate is
/// G + Σ pᵢΔᵢ / Σ pᵢ over the survivors: FedAvg's weighted mean within the quantisation error. Clients that drop out
/// (<c>dropout_rate</c>) are left out; with too few surviving shares the round fails and keeps its model.
/// The neighbourhoods are SecAgg+'s ring (Bell et al. 2020) over a seeded shuffle of the clients; keys and seeds are
/// cryptographically random, so the masks differ run to run but cancel exactly: the numbers depend on the seed only.
/// </summary>
internal sealed class SecureAggregationProtocol : IAggregationProtocol, IConstrainsSetup
{
    private readonly SecAggOptions _options;
    private readonly Func<IReadOnlyList<string>> _compatibleDefenses;

    public SecureAggregationProtocol(SecAggOptions options, Func<IReadOnlyList<string>> compatibleDefenses)
    {
        _options = options;
        _compatibleDefenses = compatibleDefenses;
    }

    /// <summary>
    /// Runs the protocol with clients elsewhere (a distributed server's nodes) instead of in this process; null (the
    /// default): the simulation's in-process clients.
    /// </summary>
    public ISecAggExchange? Exchange { get; set; }

    /// <summary>The options this protocol runs with.</summary>
    public SecAggOptions Options => _options;

    public AggregationOutcome Aggregate(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var global = context.Global.Span;
        if (updates.Count < _options.Threshold!.Value)
        {
            // Fewer participants than the threshold cannot Shamir-share a secret t of them must rebuild; the configured
            // clients per round are checked against t, but clients that diverged or timed out never reach the protocol.
            context.Metrics["secagg_dropped"] = 0;
            context.Metrics["secagg_saturated"] = 0;
            return AggregationOutcome.FailedBecause(
                $"only {updates.Count} of the round's {context.SampledClients.Count} clients sent an update, below reconstruction_threshold {_options.Threshold.Value}; the masks could not be shared",
                global.ToArray());
        }

        var spec = Spec(updates, context);
        var result = Exchange is { } remote ? remote.Run(spec, context) : Simulate(spec, updates, context);
        context.Metrics["secagg_dropped"] = updates.Count - result.Survivors.Count;
        context.Metrics["secagg_saturated"] = result.Saturated;
        if (result.Failure is { } failure)
        {
            return AggregationOutcome.FailedBecause(failure, global.ToArray());
        }

        // Σ pᵢ over the survivors, added in the updates' order (the same additions whoever ran the clients).
        double survivingWeight = 0;
        foreach (var u in updates)
        {
            if (result.Survivors.Contains(u.ClientId))
            {
                survivingWeight += spec.Scales[u.ClientId];
            }
        }

        int d = spec.Length;
        var fixedPoint = new FixedPoint(spec.ClippingRange, spec.QuantizationRange);
        var aggregate = new float[d];
        fixedPoint.Dequantize(result.Sum!, result.Survivors.Count, aggregate);
        for (int i = 0; i < d; i++)
        {
            aggregate[i] = global[i] + (float)(aggregate[i] / survivingWeight);
        }

        return AggregationOutcome.Of(aggregate) with { Contributors = result.Survivors.Count };
    }

    /// <summary>The round's setup: participants in update order, the seeded neighbourhoods, each client's scale pᵢ.</summary>
    private SecAggRoundSpec Spec(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var ids = updates.Select(u => u.ClientId).ToArray();
        var neighbours = SecAggGraph.Neighbours(ids, _options.NumShares!.Value, context.Random("secagg-graph"));
        double totalWeight = updates.Sum(u => u.AggregationWeight);
        var scales = updates.ToDictionary(u => u.ClientId, u => u.AggregationWeight / totalWeight);
        return new SecAggRoundSpec(context.Round, ids, neighbours, scales, _options.Threshold!.Value, _options.ClippingRange, _options.QuantizationRange!.Value, context.Layout.Length);
    }

    /// <summary>The simulation: every client in this process; each drops out after sharing its keys with probability dropout_rate.</summary>
    private SecAggExchangeResult Simulate(SecAggRoundSpec spec, IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var global = context.Global.Span;
        var fixedPoint = new FixedPoint(spec.ClippingRange, spec.QuantizationRange);
        var server = new SecAggServer(spec.Length, spec.Threshold, spec.Neighbours);
        var clients = spec.Participants.ToDictionary(id => id, id => new SecAggClient(id, spec.Neighbours[id], spec.Threshold));
        try
        {
            foreach (var c in clients.Values)
            {
                server.ReceiveKeys(c.Advertise());
            }

            foreach (var message in clients.Values.SelectMany(c => c.ShareKeys(server.Keys)).ToArray())
            {
                clients[message.To].Receive(message);
            }

            var dropout = context.Random("secagg-dropout");
            int saturated = 0;
            var quantised = new uint[spec.Length];
            var masked = new uint[spec.Length];
            foreach (var u in updates)
            {
                if (dropout.NextDouble() < _options.DropoutRate)
                {
                    continue;
                }

                saturated += fixedPoint.Quantize(u.Delta(global), spec.Scales[u.ClientId], quantised);
                clients[u.ClientId].Mask(quantised, masked);
                server.ReceiveMaskedInput(u.ClientId, masked);
            }

            var survivors = server.Survivors;
            var (sum, failure) = server.Unmask(survivors.SelectMany(s => clients[s].Unmask(survivors)).ToArray());
            return new SecAggExchangeResult(sum, failure, survivors, saturated);
        }
        finally
        {
            foreach (var c in clients.Values)
            {
                c.Dispose();
            }
        }
    }

    public IEnumerable<ConfigProblem> Check((string Name, IAttack Instance)? attack, IReadOnlyList<(string Name, IDefense Instance)> defenses, IReadOnlyList<(string Section, IComponent Instance)> others)
    {
        var needIndividual = defenses.Where(x => x.Instance is IBeforeAggregationDefense or IOnAggregationDefense).Select(x => $"'{x.Name}'").ToArray();
        if (needIndividual.Length > 0)
        {
            string compatible = string.Join(", ", _compatibleDefenses());
            yield return new ConfigProblem(
                "defense_args.defense_type",
                $"{string.Join(", ", needIndividual)} {(needIndividual.Length == 1 ? "reads" : "read")} each client's update, which secure aggregation hides from the server (it only ever holds masked vectors and their sum). Compatible with secure_aggregation_args: the defenses that act on the aggregated model ({compatible}), and dp_args with dp_solution_type dp_clip (clients clip, the server noises the sum) or ldp (clients noise). See docs/defenses/privacy.md.");
        }

        if (attack is { Instance: IDataReconstructionAttack } reconstruction)
        {
            yield return new ConfigProblem(
                "attack_args.attack_type",
                $"'{reconstruction.Name}' reconstructs data from individual updates, which secure aggregation hides from the server; run it without secure_aggregation_args to measure what a server without it learns.");
        }

        if (others.Any(o => o.Instance is ServerClippedDp))
        {
            yield return new ConfigProblem(
                "dp_args.dp_solution_type",
                "cdp clips each update on the server, which secure aggregation hides from it; use dp_clip (the clients clip, the server adds the noise to the sum).");
        }
    }
}
