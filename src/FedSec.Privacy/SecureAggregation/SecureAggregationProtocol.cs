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

    public AggregationOutcome Aggregate(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int d = context.Layout.Length;
        var global = context.Global.Span;
        var ids = updates.Select(u => u.ClientId).ToArray();
        var neighbours = SecAggGraph.Neighbours(ids, _options.NumShares!.Value, context.Random("secagg-graph"));
        int threshold = _options.Threshold!.Value;
        var fixedPoint = new FixedPoint(_options.ClippingRange, _options.QuantizationRange!.Value);
        double totalWeight = updates.Sum(u => u.AggregationWeight);
        var server = new SecAggServer(d, threshold, neighbours);
        var clients = ids.ToDictionary(id => id, id => new SecAggClient(id, neighbours[id], threshold));
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
            double survivingWeight = 0;
            var quantised = new uint[d];
            var masked = new uint[d];
            var scratch = new uint[d];
            foreach (var u in updates)
            {
                if (dropout.NextDouble() < _options.DropoutRate)
                {
                    continue;
                }

                double p = u.AggregationWeight / totalWeight;
                saturated += fixedPoint.Quantize(u.Delta(global), p, quantised);
                clients[u.ClientId].Mask(quantised, masked, scratch);
                server.ReceiveMaskedInput(u.ClientId, masked);
                survivingWeight += p;
            }

            var survivors = server.Survivors;
            var (sum, failure) = server.Unmask(survivors.SelectMany(s => clients[s].Unmask(survivors)).ToArray());
            context.Metrics["secagg_dropped"] = updates.Count - survivors.Count;
            context.Metrics["secagg_saturated"] = saturated;
            if (failure is not null)
            {
                return AggregationOutcome.FailedBecause(failure, global.ToArray());
            }

            var aggregate = new float[d];
            fixedPoint.Dequantize(sum!, survivors.Count, aggregate);
            for (int i = 0; i < d; i++)
            {
                aggregate[i] = global[i] + (float)(aggregate[i] / survivingWeight);
            }

            return AggregationOutcome.Of(aggregate);
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
