using System.Numerics.Tensors;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.FoolsGold;

/// <summary>
/// FoolsGold (Fung, Yoon and Beschastnikh, "The limitations of federated learning in sybil settings", RAID 2020):
/// sybils that push the same poisoned objective send updates that look alike round after round, whereas honest
/// clients with their own data differ. Each client identity's updates are summed into a history kept by this
/// instance (one per experiment); the round's clients are reweighted by <see cref="FoolsGoldWeights"/> on the
/// cosine similarities of their histories. The new aggregation weight is SampleCount × wᵢ (FedML uses
/// SampleCount × wᵢ / n, the same up to a constant); a client given weight 0 is removed.
/// </summary>
internal sealed class FoolsGoldDefense : IBeforeAggregationDefense, ICrossRoundState, IReportsStateBytes
{
    private readonly FoolsGoldOptions _options;
    private readonly Dictionary<int, float[]> _history = new();

    public FoolsGoldDefense(FoolsGoldOptions options) => _options = options;

    /// <summary>One float32 history per client identity seen: clients seen × compared parameters × 4 bytes.</summary>
    public long StateBytes => _history.Values.Sum(h => h.LongLength * sizeof(float));

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var duplicate = updates.GroupBy(u => u.ClientId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"FoolsGold keeps one history per client identity, but client {duplicate.Key} sent {duplicate.Count()} updates in round {context.Round}.",
                nameof(updates));
        }

        var slice = FeatureSlice(context);
        var globalFeature = Feature(context.Global.Span, context.Layout, slice);
        var histories = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            var delta = Feature(u.Weights, context.Layout, slice);
            TensorPrimitives.Subtract(delta, globalFeature, delta);
            if (_history.TryGetValue(u.ClientId, out var h))
            {
                TensorPrimitives.Add(h, delta, h);
            }
            else
            {
                h = delta;
                _history[u.ClientId] = h;
            }

            histories[i] = h;
        }

        var weights = FoolsGoldWeights.Compute(CosineSimilarity.Matrix(histories), _options.Kappa);
        if (weights.All(w => w == 0))
        {
            // Every history has an exact twin: FoolsGold has nobody to trust more than anyone else, so it changes nothing.
            return DefenseOutcome.KeepAll(updates);
        }

        var kept = new List<ClientUpdate>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            if (weights[i] <= 0)
            {
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Removed, 0, weights[i]);
                continue;
            }

            // The weight it arrived with (its sample count, or what an earlier stage set: FedBuff's 1, CDP's 1) times wᵢ.
            kept.Add(u with { AggregationWeight = u.AggregationWeight * weights[i] });
            verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Reweighted, weights[i], weights[i]);
        }

        return new DefenseOutcome(kept, verdicts);
    }

    /// <summary>The output layer's entry when FoolsGold compares that layer only; null for all trainable parameters.</summary>
    private ParameterEntry? FeatureSlice(RoundContext context)
    {
        if (_options.Feature == FoolsGoldFeature.All)
        {
            return null;
        }

        var trainable = context.Layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        if (trainable.Length == 0)
        {
            throw new InvalidOperationException("FoolsGold found no trainable tensor in the model's layout.");
        }

        return trainable.LastOrDefault(e => e.Shape.Count >= 2) ?? trainable[^1];
    }

    /// <summary>A copy of the compared part of a full vector.</summary>
    private static float[] Feature(ReadOnlySpan<float> full, ParameterLayout layout, ParameterEntry? slice) =>
        slice is null ? layout.GatherTrainable(full) : full.Slice(slice.Offset, slice.Length).ToArray();

    public void WriteState(BinaryWriter writer)
    {
        writer.Write(_history.Count);
        foreach (var (client, history) in _history.OrderBy(h => h.Key))
        {
            writer.Write(client);
            StateVectors.Write(writer, history);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        _history.Clear();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            int client = reader.ReadInt32();
            _history[client] = StateVectors.Read(reader)!;
        }
    }
}
