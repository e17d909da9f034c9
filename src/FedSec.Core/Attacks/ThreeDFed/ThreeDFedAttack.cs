using FedSec.Attacks.Backdoor;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// 3DFed (Li, Ye, Hu, Li, Wang, Fang and Shi, "3DFed: Adaptive and Extensible Framework for Covert Backdoor Attack in
/// Federated Learning", IEEE S&amp;P 2023), after the authors' code (<c>attacks/thrdfed.py</c> and its components).
/// <list type="number">
/// <item>Backdoor training with constrained loss, at each malicious client (<see cref="IShapesLocalObjective"/>):
/// 0.3·clean loss + 0.3·backdoor loss (the same batch, every image with the trigger, labelled the target) +
/// 0.4·‖w − G‖₂, the update then scaled by max(min(‖benign reference‖/‖backdoor‖, 5), 1), the benign reference being
/// the client's own plain training.</item>
/// <item>At the attacker's side of the round (<see cref="IModelPoisoningAttack"/>, which sees only its own clients'
/// models, the global model and what it remembers): read the indicators planted last time in the change of the global
/// model (<see cref="IndicatorReading"/>) and tune the noise-mask weights α and the number of decoys k
/// (<see cref="AdaptiveTuning"/>); send k of its clients' slots as decoy models and the rest as backdoor models;
/// add noise masks that cancel within each group of backdoor models (<see cref="NoiseMaskDesign"/>); plant one
/// indicator in every model sent (<see cref="IndicatorDesign"/>).</item>
/// <item>Decoy models (<see cref="IDirectsClients"/>): the attacker's side reads the indicators and tunes k at the start of
/// the round, before its clients train, and tells the last k of the round's malicious clients (in sampling order, at
/// least one backdoor model is always sent) to train a decoy of rank 0, 1, …: each trains its benign reference and its
/// backdoor model as the others do, takes the output-layer weight of the rank-th smallest |backdoor − benign| update, and
/// trains a fresh model from G on its clean data with (cross-entropy + a push on that weight away from the benign
/// model's value, until it is more than 10 away) / 2, which it sends (<see cref="DecoyObjective"/>; the authors'
/// <c>decoy_model_design</c>).</item>
/// </list>
/// The indicators' curvature filter needs the loss on the attacker's data at the global model: each malicious client
/// computes Σ H·1 on the indicator layer while it trains (<see cref="AdversarialObjective.CurvatureLayer"/>), and the
/// attacker's side sums them (<see cref="CurvatureFindings"/>; in a distributed run they reach the server as the clients'
/// findings, <see cref="IReportsClientFindings"/>).
/// The feedback, statuses, α and k are the attacker's
/// cross-round state (<see cref="ICrossRoundState"/>), and each read is reported in the round's metrics
/// (<c>3dfed_accepted</c>, <c>3dfed_clipped</c>, <c>3dfed_rejected</c>, <c>3dfed_weak_dp</c>, <c>3dfed_decoys</c>).
/// </summary>
internal sealed class ThreeDFedAttack : IShapesLocalObjective, IModelPoisoningAttack, IControlsClients, IBackdoorAttack, ICrossRoundState, IReportsClientFindings, IDirectsClients
{
    /// <summary>How far a decoy pushes its parameter from the benign model's value (the authors' threshold).</summary>
    public const double DecoyThreshold = 10;

    private readonly ThreeDFedOptions _options;
    private readonly BackdoorTrigger _trigger;
    private readonly CurvatureFindings _curvatures = new();
    private int _lastRound = -1;
    private float[]? _lastGlobal;
    private int[] _indicators = [];
    private float[] _indicatorValues = [];
    private double[] _sentWeights = [];
    private int _sentBackdoor;
    private double[] _alpha = [];
    private int _decoys;
    private bool _weakDp;
    private RoundReading? _reading;

    public ThreeDFedAttack(ThreeDFedOptions options)
    {
        _options = options;
        _trigger = options.Backdoor.Trigger();
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.Backdoor.TargetLabel;

    /// <summary>The statuses read in the last attack round (empty before the second).</summary>
    public IReadOnlyList<IndicatorStatus> LastStatuses { get; private set; } = [];

    /// <summary>The number of decoy models the attacker will send next.</summary>
    public int Decoys => _decoys;

    /// <summary>Whether the attacker has concluded the server adds noise.</summary>
    public bool WeakDp => _weakDp;

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        BackdoorChecks.Ensure(_trigger, TargetLabel, cleanTest);
        return BackdoorPoisoner.TriggeredTestSet(cleanTest, _trigger, TargetLabel);
    }

    public AdversarialObjective ObjectiveFor(IClientDataset data, ClientContext context)
    {
        var images = data as ImageSet ?? throw new InvalidOperationException($"3dfed trains on images, not {data.Kind}.");
        BackdoorChecks.Ensure(_trigger, TargetLabel, images);
        var triggered = _trigger.StampAll(images.Clone());
        Array.Fill(triggered.Labels, TargetLabel);
        int round = context.Round, client = context.ClientId;
        return new AdversarialObjective
        {
            Kind = AdversarialTrainingKind.ConstrainedBackdoor,
            Malicious = triggered,
            CurvatureLayer = context.Layout is { } layout ? ThreeDFedLayers.Of(layout).Indicator : null,
            ReceiveCurvature = context.Layout is null ? null : curvature => _curvatures.Record(round, client, curvature),
            CleanWeight = _options.CleanWeight,
            MaliciousWeight = _options.BackdoorWeight,
            DistanceWeight = _options.DistanceWeight,
            MaxScale = _options.MaxScale,
            Decoy = Decoy(context),
        };
    }

    // The decoy this client trains, when the attacker's side told it to (a directive is the decoy's rank).
    private static DecoyObjective? Decoy(ClientContext context)
    {
        if (context.Directive is not int rank)
        {
            return null;
        }

        if (rank < 0 || context.Layout is null)
        {
            throw new InvalidOperationException($"3dfed: client {context.ClientId} was told to train decoy {rank}; a decoy's rank is 0 or more, and it needs the model's layout.");
        }

        return new DecoyObjective { Rank = rank, Layer = ThreeDFedLayers.Of(context.Layout).OutputWeight, Threshold = DecoyThreshold };
    }

    public IReadOnlyDictionary<int, int> Direct(RoundStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var reading = ReadingOf(start.Round, start.Global.ToArray(), start.Random("3dfed"));
        int decoys = Math.Max(Math.Min(reading.Decoys, start.Malicious.Count - 1), 0);
        reading.DecoyClients = start.Malicious.Skip(start.Malicious.Count - decoys).ToArray();
        return reading.DecoyClients.Select((client, rank) => (client, rank)).ToDictionary(p => p.client, p => p.rank);
    }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        var malicious = Enumerable.Range(0, updates.Count).Where(i => context.MaliciousClients.Contains(updates[i].ClientId)).ToArray();
        if (malicious.Length == 0)
        {
            return updates;
        }

        var layers = ThreeDFedLayers.Of(context.Layout);
        var g = context.Global.ToArray();
        var benign = BenignEstimate(g, context.Round);
        var reading = ReadingOf(context.Round, g, context.Random("3dfed")); // the planned round's, or read now (no decoys)
        Commit(reading, context);
        var rng = reading.Random;

        // The decoys are the trained models of the clients told to train them (in rank order); the rest send backdoor models.
        var decoySlots = reading.DecoyClients.Select(c => Array.FindIndex(malicious, i => updates[i].ClientId == c)).Where(j => j >= 0).Select(j => malicious[j]).ToArray();
        var backdoor = malicious.Where(i => !decoySlots.Contains(i)).ToArray();
        rng.Shuffle(backdoor.AsSpan());
        var sent = backdoor.Concat(decoySlots).ToArray();
        var weights = sent.Select(i => (float[])updates[i].Weights.Clone()).ToArray();

        // The indicators' values come from the models before their masks (the indicator layer is the output layer
        // itself in a model without another): a mask must not turn a quiet coordinate into a loud one.
        var (curvature, reporting) = _curvatures.Sum(context.Round, context.MaliciousClients, layers.Indicator.Length);
        context.Metrics["3dfed_curvature_clients"] = reporting;
        var planted = PlantIndicators(weights, g, benign, layers, curvature);
        if (curvature is not null)
        {
            context.Metrics["3dfed_indicator_curvature"] = _indicators.Max(p => Math.Abs(curvature[p - layers.Indicator.Offset]));
        }

        _sentWeights = sent.Select(i => updates[i].AggregationWeight).ToArray();
        AddNoiseMasks(weights, _sentWeights, backdoor.Length, g, layers, rng);
        for (int j = 0; j < weights.Length; j++)
        {
            weights[j][_indicators[j]] = planted[j];
        }
        _sentBackdoor = backdoor.Length;
        _lastGlobal = g;
        _lastRound = context.Round;
        context.Metrics["3dfed_decoys"] = decoySlots.Length;

        var result = updates.ToArray();
        for (int j = 0; j < sent.Length; j++)
        {
            result[sent[j]] = updates[sent[j]].WithWeights(weights[j]);
        }

        return result;
    }

    // The benign update's estimate: the global model's change since the last attack round, per round; zero at first.
    private float[] BenignEstimate(float[] g, int round)
    {
        var estimate = new float[g.Length];
        if (_lastGlobal is { } last && last.Length == g.Length && round > _lastRound)
        {
            float rounds = round - _lastRound;
            for (int k = 0; k < g.Length; k++)
            {
                estimate[k] = (g[k] - last[k]) / rounds;
            }
        }

        return estimate;
    }

    // Reads the indicators planted in the last attack round and tunes α and k from them, without changing the state:
    // the round's reading, kept until the model-poisoning stage commits it (the same round asked twice reads once).
    private RoundReading ReadingOf(int round, float[] g, Random rng)
    {
        if (_reading is { } planned && planned.Round == round)
        {
            return planned;
        }

        var reading = new RoundReading { Round = round, Random = rng, Alpha = (double[])_alpha.Clone(), Decoys = _decoys, WasWeakDp = _weakDp, WeakDp = _weakDp };
        if (_lastGlobal is { } last && last.Length == g.Length && _indicators.Length > 0)
        {
            var feedbacks = _indicators.Select((p, j) => (g[p] - (double)last[p]) / _indicatorValues[j]).ToArray();
            var (statuses, weak) = IndicatorReading.Classify(feedbacks, _options.Threshold, _weakDp, _sentWeights.Length == feedbacks.Length ? _sentWeights : null);
            var (alpha, decoys) = _weakDp ? (reading.Alpha, _decoys) : AdaptiveTuning.Update(reading.Alpha, _decoys, statuses, _sentBackdoor, _options.GroupSize, weak, _options.AlphaMin, rng);
            reading = new RoundReading { Round = round, Random = rng, Statuses = statuses, WasWeakDp = _weakDp, WeakDp = weak, Alpha = alpha, Decoys = decoys };
        }

        _reading = reading;
        return reading;
    }

    // Makes the round's reading the attack's state and reports it in the round's metrics.
    private void Commit(RoundReading reading, RoundContext context)
    {
        _reading = null;
        if (reading.Statuses is not { } statuses)
        {
            return;
        }

        _weakDp = reading.WeakDp;
        LastStatuses = statuses;
        if (!reading.WasWeakDp)
        {
            context.Metrics["3dfed_accepted"] = statuses.Count(s => s == IndicatorStatus.Accepted);
            context.Metrics["3dfed_clipped"] = statuses.Count(s => s == IndicatorStatus.Clipped);
            context.Metrics["3dfed_rejected"] = statuses.Count(s => s == IndicatorStatus.Rejected);
            context.Metrics["3dfed_weak_dp"] = reading.WeakDp ? 1 : 0;
            (_alpha, _decoys) = (reading.Alpha, reading.Decoys);
        }
    }

    private void AddNoiseMasks(float[][] weights, double[] slotWeights, int backdoorModels, float[] g, ThreeDFedLayers layers, Random rng)
    {
        int groups = (backdoorModels + _options.GroupSize - 1) / _options.GroupSize;
        if (_alpha.Length < groups)
        {
            _alpha = _alpha.Concat(Enumerable.Range(0, groups - _alpha.Length).Select(_ => AdaptiveTuning.Uniform(rng, _options.AlphaMin, 1))).ToArray();
        }

        var others = Enumerable.Range(0, layers.Classes).Where(c => c != TargetLabel).ToArray();
        if (_options.MaskNeurons > others.Length)
        {
            throw new ConfigException($"attack_args.{ThreeDFedOptions.MaskNeuronsKey.Key}", $"{_options.MaskNeurons} output neurons asked for, but the model has {others.Length} classes besides target_label {TargetLabel}.");
        }

        for (int group = 0; group < groups; group++)
        {
            var members = Enumerable.Range(group * _options.GroupSize, Math.Min(_options.GroupSize, backdoorModels - (group * _options.GroupSize))).ToArray();
            var chosen = rng.Choose(others.Length, _options.MaskNeurons).Select(c => others[c]).ToArray();
            if (members.Length < 2)
            {
                continue; // a lone model's mask could not cancel: it is sent without one
            }

            var rows = chosen.Select(layers.RowCoordinates).ToArray();
            var b = rows.Select(row => row.Select(p => members.Average(m => (double)weights[m][p] - g[p])).ToArray()).ToArray();
            var masks = NoiseMaskDesign.Design(b, members.Length, _alpha[group], _options.LagrangeStep, _weakDp, rng, members.Select(m => slotWeights[m]).ToArray());
            for (int i = 0; i < members.Length; i++)
            {
                for (int r = 0; r < rows.Length; r++)
                {
                    for (int k = 0; k < rows[r].Length; k++)
                    {
                        weights[members[i]][rows[r][k]] += (float)masks[i][r][k];
                    }
                }
            }
        }
    }

    // Chooses the indicators and returns the weight each model is to carry at its own.
    private float[] PlantIndicators(float[][] weights, float[] g, float[] benign, ThreeDFedLayers layers, float[]? curvature)
    {
        _indicators = IndicatorDesign.Choose(weights, g, benign, layers.Indicator.Offset, layers.Indicator.Length, weights.Length, _options.Candidates, curvature);
        _indicatorValues = new float[weights.Length];
        var planted = new float[weights.Length];
        for (int j = 0; j < weights.Length; j++)
        {
            int p = _indicators[j];
            _indicatorValues[j] = IndicatorDesign.Plant(weights[j][p] - g[p]);
            planted[j] = g[p] + _indicatorValues[j];
        }

        return planted;
    }

    public byte[] WriteFindings(int client) => _curvatures.Write(client);

    public void MergeFindings(byte[] bytes) => _curvatures.Merge(bytes);

    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_lastRound);
        StateVectors.Write(writer, _lastGlobal);
        writer.Write(_indicators.Length);
        foreach (var p in _indicators)
        {
            writer.Write(p);
        }

        StateVectors.Write(writer, _indicatorValues);
        writer.Write(_sentBackdoor);
        writer.Write(_alpha.Length);
        foreach (var a in _alpha)
        {
            writer.Write(a);
        }

        writer.Write(_decoys);
        writer.Write(_weakDp);
        writer.Write(_sentWeights.Length);
        foreach (var w in _sentWeights)
        {
            writer.Write(w);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _lastRound = reader.ReadInt32();
        _lastGlobal = StateVectors.Read(reader);
        _indicators = new int[reader.ReadInt32()];
        for (int j = 0; j < _indicators.Length; j++)
        {
            _indicators[j] = reader.ReadInt32();
        }

        _indicatorValues = StateVectors.Read(reader) ?? [];
        _sentBackdoor = reader.ReadInt32();
        _alpha = new double[reader.ReadInt32()];
        for (int j = 0; j < _alpha.Length; j++)
        {
            _alpha[j] = reader.ReadDouble();
        }

        _decoys = reader.ReadInt32();
        _weakDp = reader.ReadBoolean();
        _sentWeights = new double[reader.ReadInt32()];
        for (int j = 0; j < _sentWeights.Length; j++)
        {
            _sentWeights[j] = reader.ReadDouble();
        }
    }
}
