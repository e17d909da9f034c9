using System.Numerics.Tensors;
using FedSec.Defenses.Common;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.FLDetector;

/// <summary>
/// FLDetector (Zhang, Cao, Jia and Gong, "FLDetector: Defending federated learning against model poisoning attacks via
/// detecting malicious clients", KDD 2022). A benign client's update is consistent from round to round: with the
/// Cauchy mean-value theorem, gᵢᵗ ≈ gᵢᵗ⁻¹ + Hᵗ(wᵗ − wᵗ⁻¹), Hᵗ estimated by L-BFGS (<see cref="LbfgsHessianProduct"/>)
/// from the last N pairs (global model change, global update change). Each round every client gets the distance
/// between its update Δᵢ = wᵢ − G and that prediction, normalised by the sum over the round's clients; its suspicion
/// score is the mean of its last N such distances. Once every client has N of them, the gap statistic
/// (<see cref="GapStatistic"/>) decides whether the scores form more than one group; if so, 2-means splits them and the
/// cluster of higher scores is removed. The global update of a round, gᵗ, is the plain mean of the updates kept.
/// The paper stops training on detection and restarts it without the flagged clients; here the flagged clients are
/// removed from that round's aggregation instead, every round they are flagged. The instance keeps, across rounds,
/// the previous global model, each client's previous update, the pairs and the score windows
/// (<see cref="ICrossRoundState"/>): O(n·d + N·d) memory.
/// </summary>
internal sealed class FLDetectorDefense : IBeforeAggregationDefense, ICrossRoundState, IReportsStateBytes
{
    private readonly FLDetectorOptions _options;
    private readonly Dictionary<int, float[]> _previousUpdates = new();
    private readonly Dictionary<int, List<double>> _scores = new();
    private readonly List<(float[] S, float[] Y)> _pairs = new();
    private float[]? _previousGlobal;
    private float[]? _previousAggregate;

    public FLDetectorDefense(FLDetectorOptions options) => _options = options;

    /// <summary>
    /// The previous global model and global update (float32, d each), each client's previous update (d each), up to N
    /// (model change, update change) pairs (2·d each) and each client's window of up to N float64 scores.
    /// </summary>
    public long StateBytes =>
        (((_previousGlobal?.LongLength ?? 0) + (_previousAggregate?.LongLength ?? 0)
          + _previousUpdates.Values.Sum(u => u.LongLength) + _pairs.Sum(p => p.S.LongLength + p.Y.LongLength)) * sizeof(float))
        + (_scores.Values.Sum(w => (long)w.Count) * sizeof(double));

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        int n = updates.Count;
        var deltas = TrainableDeltas.Of(updates, context);
        var global = deltas.GlobalTrainable.ToArray();
        var distances = PredictionErrors(updates, deltas.Deltas, global);
        if (distances is not null)
        {
            for (int i = 0; i < n; i++)
            {
                if (!_scores.TryGetValue(updates[i].ClientId, out var window))
                {
                    window = new List<double>();
                    _scores[updates[i].ClientId] = window;
                }

                window.Add(distances[i]);
                if (window.Count > _options.Window)
                {
                    window.RemoveAt(0);
                }
            }
        }

        var flagged = new bool[n];
        double?[] scores = distances?.Select(d => (double?)d).ToArray() ?? new double?[n];
        // Two clients with different scores always make two gap-statistic clusters (W₂ = 0), so n = 2 would remove one
        // every round, attacked or not: detection starts at three, as Auror's and RFLBAT's.
        if (n >= 3 && updates.All(u => _scores.TryGetValue(u.ClientId, out var w) && w.Count >= _options.Window))
        {
            var suspicion = updates.Select(u => _scores[u.ClientId].Average()).ToArray();
            scores = suspicion.Select(s => (double?)s).ToArray();
            int k = GapStatistic.Estimate(suspicion, _options.MaxClusters, _options.GapSamples, context.Random("fldetector-gap"));
            if (k >= 2)
            {
                var labels = KMeans1D.Cluster(suspicion, 2).Labels;
                flagged = labels.Select(l => l == 1).ToArray();
            }
        }

        var kept = new List<ClientUpdate>();
        var keptDeltas = new List<float[]>();
        var verdicts = new ClientVerdict[n];
        for (int i = 0; i < n; i++)
        {
            var u = updates[i];
            if (flagged[i])
            {
                verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Removed, 0, scores[i]);
                continue;
            }

            kept.Add(u);
            keptDeltas.Add(deltas.Deltas[i]);
            verdicts[i] = new ClientVerdict(u.ClientId, VerdictKind.Kept, 1, scores[i]);
        }

        Remember(updates, deltas.Deltas, global, Mean(keptDeltas, global.Length));
        return new DefenseOutcome(kept, verdicts);
    }

    /// <summary>‖Δᵢ − (Δᵢᵗ⁻¹ + Ĥv)‖ normalised by their sum; null while FLDetector has no prediction for every client.</summary>
    private double[]? PredictionErrors(IReadOnlyList<ClientUpdate> updates, float[][] deltas, float[] global)
    {
        if (_previousGlobal is null || _pairs.Count == 0 || _previousGlobal.Length != global.Length
            || !updates.All(u => _previousUpdates.ContainsKey(u.ClientId)))
        {
            return null;
        }

        var v = new float[global.Length];
        TensorPrimitives.Subtract(global, _previousGlobal, v);
        var hv = LbfgsHessianProduct.Estimate(_pairs, v);
        var distances = new double[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var previous = _previousUpdates[updates[i].ClientId];
            var delta = deltas[i];
            double sum = 0;
            for (int k = 0; k < delta.Length; k++)
            {
                double e = delta[k] - (previous[k] + hv[k]);
                sum += e * e;
            }

            distances[i] = Math.Sqrt(sum);
        }

        double total = distances.Sum();
        return total > 0 ? distances.Select(d => d / total).ToArray() : distances;
    }

    /// <summary>Stores this round's global model, updates and (model change, update change) pair for the next round.</summary>
    private void Remember(IReadOnlyList<ClientUpdate> updates, float[][] deltas, float[] global, float[] aggregate)
    {
        if (_previousGlobal is not null && _previousAggregate is not null && _previousGlobal.Length == global.Length)
        {
            var s = new float[global.Length];
            var y = new float[global.Length];
            TensorPrimitives.Subtract(global, _previousGlobal, s);
            TensorPrimitives.Subtract(aggregate, _previousAggregate, y);
            _pairs.Add((s, y));
            if (_pairs.Count > _options.Window)
            {
                _pairs.RemoveAt(0);
            }
        }

        _previousGlobal = global;
        _previousAggregate = aggregate;
        for (int i = 0; i < updates.Count; i++)
        {
            _previousUpdates[updates[i].ClientId] = deltas[i].ToArray();
        }
    }

    private static float[] Mean(IReadOnlyList<float[]> vectors, int length)
    {
        var mean = new float[length];
        foreach (var v in vectors)
        {
            TensorPrimitives.Add(mean, v, mean);
        }

        if (vectors.Count > 0)
        {
            TensorPrimitives.Multiply(mean, 1f / vectors.Count, mean);
        }

        return mean;
    }

    public void WriteState(BinaryWriter writer)
    {
        StateVectors.Write(writer, _previousGlobal);
        StateVectors.Write(writer, _previousAggregate);
        writer.Write(_previousUpdates.Count);
        foreach (var (client, update) in _previousUpdates.OrderBy(p => p.Key))
        {
            writer.Write(client);
            StateVectors.Write(writer, update);
        }

        writer.Write(_pairs.Count);
        foreach (var (s, y) in _pairs)
        {
            StateVectors.Write(writer, s);
            StateVectors.Write(writer, y);
        }

        writer.Write(_scores.Count);
        foreach (var (client, window) in _scores.OrderBy(p => p.Key))
        {
            writer.Write(client);
            writer.Write(window.Count);
            foreach (double s in window)
            {
                writer.Write(s);
            }
        }
    }

    public void ReadState(BinaryReader reader)
    {
        _previousGlobal = StateVectors.Read(reader);
        _previousAggregate = StateVectors.Read(reader);
        _previousUpdates.Clear();
        int clients = reader.ReadInt32();
        for (int i = 0; i < clients; i++)
        {
            int client = reader.ReadInt32();
            _previousUpdates[client] = StateVectors.Read(reader)!;
        }

        _pairs.Clear();
        int pairs = reader.ReadInt32();
        for (int i = 0; i < pairs; i++)
        {
            _pairs.Add((StateVectors.Read(reader)!, StateVectors.Read(reader)!));
        }

        _scores.Clear();
        int windows = reader.ReadInt32();
        for (int i = 0; i < windows; i++)
        {
            int client = reader.ReadInt32();
            int count = reader.ReadInt32();
            var window = new List<double>(count);
            for (int j = 0; j < count; j++)
            {
                window.Add(reader.ReadDouble());
            }

            _scores[client] = window;
        }
    }
}
