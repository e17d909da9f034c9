using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.ServerOptimizers;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// The server's half of an experiment, round by round: <see cref="Plan"/> samples the clients and decides the attack;
/// the clients train (in this process, <see cref="ExperimentClients"/>, or in nodes over the network); <see cref="Complete"/>
/// runs the server's pipeline (<see cref="ServerRound"/>) on their results assembled in sampling order, checks the new
/// global model, evaluates it and returns the round's record. The simulation (<see cref="Experiment.Run"/>) and a
/// distributed server run this same code, which is why they give the same numbers.
/// </summary>
public sealed class ExperimentServer
{
    private readonly ExperimentSetup _setup;
    private readonly IModelBackend _backend;
    private readonly ExperimentData _data;
    private readonly TimeProvider _time;
    private readonly SeedStreams _seeds;
    private readonly AdversarySchedule _adversary;
    private readonly IReadOnlyList<IRoundMetric> _metrics;
    private readonly ServerRound _server;
    private readonly IServerOptimizer _optimizer;
    private readonly RoundBuffers _buffers = new();
    private readonly LocalTrainingSettings _settings;
    private readonly List<RoundRecord> _records = new();
    private readonly ExactWeightedSum? _exact;

    // An asynchronous run's recent global models by server step, for stale clients to train from; null in a synchronous run.
    private readonly ModelVersions? _versions;

    internal ExperimentServer(
        ExperimentSetup setup, IModelBackend backend, ExperimentData data, SeedStreams seeds, PipelineStages stages, AdversarySchedule adversary, IReadOnlyList<IRoundMetric> metrics, float[] initialGlobal, TimeProvider time)
    {
        _setup = setup;
        _backend = backend;
        _data = data;
        _seeds = seeds;
        _adversary = adversary;
        _metrics = metrics;
        _time = time;
        Stages = stages;
        _optimizer = ServerOptimizerFactory.Create(setup.Config);
        _exact = setup.Config.ExactSum ? new ExactWeightedSum(backend.Layout.Length) : null;
        _server = new ServerRound(stages, _optimizer, _exact);
        _settings = LocalTrainingSettingsOf(setup.Config);
        backend.Layout.CheckLength(initialGlobal.Length);
        Global = initialGlobal;
        if (setup.Config.IsAsynchronous)
        {
            _versions = new ModelVersions(initialGlobal, setup.Config.MaxStaleness);
        }
    }

    /// <summary>
    /// Takes in the attack's state an attacker's process sent (<see cref="AttackStateTransfer.TryImport"/>), so that the
    /// attack success rate is measured with the trigger it uses; returns what was wrong, or null.
    /// </summary>
    public string? ImportAttackState(byte[] state) => AttackStateTransfer.TryImport(_setup.Attack?.Instance, state);

    /// <summary>The configuration the run follows.</summary>
    public ExperimentConfig Config => _setup.Config;

    /// <summary>The model's layout.</summary>
    public ParameterLayout Layout => _backend.Layout;

    /// <summary>The fingerprint of the data set the run trains on (<see cref="Data.DataFingerprint"/>), or null when unknown.</summary>
    public string? DataFingerprint => _data.SourceFingerprint;

    /// <summary>The current global model (the last completed round's, or the initial one).</summary>
    public float[] Global { get; private set; }

    /// <summary>The index of the next round to run (the number of rounds completed).</summary>
    public int NextRound { get; private set; }

    /// <summary>Where the run diverged, or null.</summary>
    public Divergence? Diverged { get; private set; }

    /// <summary>The round metric counting the malicious clients whose own training diverged and whose updates were left out.</summary>
    public const string MaliciousDivergedMetric = "malicious_diverged";

    /// <summary>
    /// The round metric counting the honest clients whose training diverged and whose updates were left out (only under
    /// <see cref="RoundPlan.DropEveryDivergence"/>; otherwise such a divergence ends the run).
    /// </summary>
    public const string HonestDivergedMetric = "honest_diverged_dropped";

    /// <summary>True when every round ran or the run diverged.</summary>
    public bool Finished => Diverged is not null || NextRound >= _setup.Config.CommRound;

    /// <summary>The records of the rounds completed by this instance.</summary>
    public IReadOnlyList<RoundRecord> Records => _records;

    /// <summary>
    /// The run's output directory, handed to the server-side components through <see cref="RoundContext.OutputDirectory"/>;
    /// null when the run writes no files.
    /// </summary>
    public string? OutputDirectory { get; set; }

    /// <summary>The configured extension sections' components (dp_args, secure_aggregation_args), as bound.</summary>
    public IReadOnlyList<ConfiguredExtension> Extensions => _setup.Extensions;

    /// <summary>Whether the attack replaces updates at the model-poisoning stage (own-update or omniscient).</summary>
    public bool PoisonsModels => Stages.ModelPoisoning is not null;

    /// <summary>The model-poisoning attack, when it forges each update from that update alone (it may run at the clients).</summary>
    public IOwnUpdateAttack? OwnUpdateAttack => Stages.ModelPoisoning as IOwnUpdateAttack;

    /// <summary>
    /// Whether a distributed run may forge the own-update attack in the malicious clients' processes and give the
    /// simulation's numbers: not when the server optimizer rescales each update before the pipeline (FedNova, FedSGD,
    /// FedAsync, FedBuff: <see cref="IPreparesUpdates"/>), since the simulation forges after that rescaling.
    /// </summary>
    public bool CanForgeAtClients => OwnUpdateAttack is not null && _optimizer is not IPreparesUpdates;

    /// <summary>The server's optimizer (its state is part of a checkpoint).</summary>
    public IServerOptimizer Optimizer => _optimizer;

    internal PipelineStages Stages { get; }

    /// <summary>
    /// Where each stage of the attack runs in a distributed run (<see cref="RoundRecord.AttackRanAt"/>): data poisoning
    /// and constrained training in the malicious client's process, an own-update model-poisoning attack where
    /// <paramref name="ownUpdateAtClients"/> puts it, every other model-poisoning attack (it needs every update) and data
    /// reconstruction in the server. Null without an attack.
    /// </summary>
    public IReadOnlyDictionary<string, string>? AttackRanAt(bool ownUpdateAtClients)
    {
        if (_setup.Attack is null)
        {
            return null;
        }

        var sites = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Stages.DataPoisoning is not null)
        {
            sites["data_poisoning"] = "client";
        }

        if (Stages.LocalConstraint is not null)
        {
            sites["local_training_constraint"] = "client";
        }

        if (Stages.LocalObjective is not null)
        {
            sites["local_training_objective"] = "client";
        }

        if (Stages.ModelPoisoning is { } poisoning)
        {
            sites["model_poisoning"] = ownUpdateAtClients && poisoning is IOwnUpdateAttack ? "client" : "server";
        }

        if (Stages.Reconstruction is not null)
        {
            sites["data_reconstruction"] = "server";
        }

        return sites;
    }

    /// <summary>How the clients train locally, from the configuration.</summary>
    internal static LocalTrainingSettings LocalTrainingSettingsOf(ExperimentConfig c) => new(
        c.Epochs,
        c.BatchSize,
        c.ClientOptimizer,
        c.LearningRate,
        c.Momentum,
        c.WeightDecay,
        c.FederatedOptimizer switch
        {
            FederatedOptimizer.FedProx => c.FedProxMu,
            FederatedOptimizer.FedAsync => c.AsyncRho,
            _ => 0,
        })
    {
        MaxSteps = c.FederatedOptimizer == FederatedOptimizer.FedSgd ? 1 : 0,
    };

    /// <summary>Starts round <see cref="NextRound"/>: samples its clients and decides whether and through whom the attack acts.</summary>
    /// <exception cref="InvalidOperationException">The run is finished.</exception>
    public RoundPlan Plan()
    {
        if (Finished)
        {
            throw new InvalidOperationException("The run is finished; no round is left to plan.");
        }

        int round = NextRound;
        long start = _time.GetTimestamp();
        var sampled = SampleClients(round);
        bool active = _adversary.IsActive(round);
        var malicious = _adversary.MaliciousIn(round, sampled);
        var identities = _adversary.FixedIdentities.Count > 0 ? _adversary.FixedIdentities : malicious;
        var plan = new RoundPlan(round, sampled, active, malicious, identities, Global)
        {
            StartedAt = start,
            DropEveryDivergence = _setup.Config.OnDivergence == DivergencePolicy.Drop,
            Directives = Directives(round, active, sampled, malicious),
        };
        if (_versions is null)
        {
            return plan;
        }

        var staleness = sampled.ToDictionary(id => id, id => StalenessOf(round, id));
        return plan with { Staleness = staleness, StartModels = staleness.ToDictionary(p => p.Key, p => _versions[round - p.Value]) };
    }

    // What an attack that directs its clients (IDirectsClients) tells them before they train, when it acts this round.
    private IReadOnlyDictionary<int, int> Directives(int round, bool active, IReadOnlyList<int> sampled, IReadOnlySet<int> malicious)
    {
        if (!active || malicious.Count == 0 || Stages.ModelPoisoning is not IDirectsClients directs)
        {
            return new Dictionary<int, int>();
        }

        var start = new RoundStart { Round = round, Global = Global, Layout = _backend.Layout, Malicious = sampled.Where(malicious.Contains).ToArray(), Seeds = _seeds };
        return directs.Direct(start);
    }

    /// <summary>
    /// An asynchronous update's staleness for (step, client), drawn from the seed by <c>staleness_model</c> and capped by
    /// the steps taken so far: the same config and seed give the same staleness whatever trains the clients.
    /// </summary>
    private int StalenessOf(int round, int clientId)
    {
        var c = _setup.Config;
        int drawn = c.StalenessModel == StalenessModel.Fixed ? c.MaxStaleness : _seeds.Random("staleness", round, clientId).Next(c.MaxStaleness + 1);
        return Math.Min(drawn, round);
    }

    /// <summary>
    /// With <c>train_args.exact_sum</c>, a sum that takes the planned round's updates as they arrive (<see cref="StreamedRound"/>),
    /// or null when the round needs every update at once: a model-poisoning attack that runs in the server this round
    /// (it sees every honest update), a data-reconstruction attack, a privacy stage on the received updates or a secure
    /// aggregation protocol, an on-aggregation defense, a before-aggregation defense that is not an
    /// <see cref="IPerUpdateDefense"/>, or a server optimizer that prepares the updates (FedNova, the asynchronous ones).
    /// Hand it to <see cref="Complete"/> with the same round's results; one stream per round.
    /// </summary>
    /// <param name="plan">The plan <see cref="Plan"/> returned for this round.</param>
    /// <param name="attackedAtClients">True when the malicious clients forge their updates themselves.</param>
    public StreamedRound? OpenStream(RoundPlan plan, bool attackedAtClients = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        bool attackAtServer = plan.AttackActive && !attackedAtClients && Stages.ModelPoisoning is not null && plan.Malicious.Count > 0;
        if (_exact is null || attackAtServer || Stages.Reconstruction is not null || Stages.ServerStages.Count > 0 || Stages.Protocol is not null
            || Stages.On is not null || Stages.Before.Any(b => b.Defense is not IPerUpdateDefense) || _optimizer is IPreparesUpdates || _setup.Config.IsAsynchronous)
        {
            return null;
        }

        return new StreamedRound(plan.Round, Stages.Before, Context(plan, new RoundBuffers()), _exact);
    }

    /// <summary>
    /// Completes the planned round with the clients' results (assembled in sampling order by
    /// <see cref="ClientTraining.Assemble(RoundPlan, IReadOnlyDictionary{int, ClientResult})"/>): runs the server's
    /// pipeline unless a client's training diverged, checks the new global model, evaluates it when due, and returns the
    /// round's record.
    /// </summary>
    /// <param name="plan">The plan <see cref="Plan"/> returned for this round.</param>
    /// <param name="training">The clients' results.</param>
    /// <param name="attackedAtClients">True when the malicious clients already forged their updates (see <see cref="ServerRound.Run"/>).</param>
    /// <param name="stream">
    /// The round's <see cref="OpenStream"/>, holding every update of <paramref name="training"/> (whose vectors may then be
    /// empty); null: the updates are in <paramref name="training"/>, and a streamable round (<c>train_args.exact_sum</c>)
    /// adds them to a stream here, in sampling order, so the simulation and a streaming server compute the same.
    /// </param>
    public RoundRecord Complete(RoundPlan plan, ClientTraining training, bool attackedAtClients = false, StreamedRound? stream = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(training);
        if (plan.Round != NextRound)
        {
            throw new InvalidOperationException($"Round {plan.Round} cannot complete: round {NextRound} is the current one.");
        }

        var c = _setup.Config;
        int round = plan.Round;
        var diverged = training.Diverged;
        ServerRound.Result? outcome = null;
        float[]? divergedModel = training.DivergedWeights;
        var context = Context(plan);
        if (diverged is null)
        {
            if (stream is null && OpenStream(plan, attackedAtClients) is { } own)
            {
                foreach (var u in training.Updates)
                {
                    own.Add(u);
                }

                stream = own;
            }

            if (stream is not null)
            {
                if (stream.Round != round)
                {
                    throw new InvalidOperationException($"Round {round + 1} cannot complete with round {stream.Round + 1}'s sum.");
                }

                (outcome, diverged, divergedModel) = Checked(_server.RunStreamed(stream, training.Updates.Select(u => u.ClientId).ToArray(), context), context);
            }
            else
            {
                var updates = training.Updates;
                if (_optimizer is IPreparesUpdates preparing)
                {
                    updates = preparing.Prepare(updates, new ReceivedUpdates(plan.Global, _backend.Layout, training.LocalSteps, plan.Staleness, plan.StartModels));
                }

                (outcome, diverged, divergedModel) = RunServer(updates, context, plan.AttackActive, attackedAtClients);
            }
        }

        // A diverged round's model is the non-finite vector that stopped the run: the new global model, or the
        // local model whose training diverged (there is no new global model then).
        Global = divergedModel ?? outcome!.Global;
        double? accuracy = null, loss = null, perplexity = null;
        var metrics = new Dictionary<string, double>(context.Metrics);
        int maliciousDiverged = training.Discarded.Count(d => plan.Malicious.Contains(d.Client));
        if (maliciousDiverged > 0)
        {
            metrics[MaliciousDivergedMetric] = maliciousDiverged;
        }

        if (training.Discarded.Count > maliciousDiverged)
        {
            metrics[HonestDivergedMetric] = training.Discarded.Count - maliciousDiverged;
        }

        if ((round + 1) % c.FrequencyOfTheTest == 0 || round == c.CommRound - 1 || diverged is not null)
        {
            var eval = _backend.Evaluate(Global, _data.Test);
            accuracy = eval.Accuracy;
            loss = eval.Loss;
            perplexity = eval.Perplexity;
            foreach (var (name, value) in eval.Extras)
            {
                metrics[name] = value;
            }

            foreach (var m in _metrics)
            {
                m.Compute(Global, eval, _backend, metrics);
            }
        }

        var record = new RoundRecord
        {
            Round = round,
            Accuracy = accuracy,
            Loss = loss,
            Perplexity = perplexity,
            TrainLoss = training.TrainLoss,
            Seconds = _time.GetElapsedTime(plan.StartedAt).TotalSeconds,
            Sampled = plan.Sampled,
            AttackActive = plan.AttackActive,
            Attacked = plan.Malicious.Order().ToArray(),
            Defenses = outcome?.Defenses ?? Array.Empty<DefenseRoundReport>(),
            DefenseMemory = outcome is { Memory.Count: > 0 } ? outcome.Memory : null,
            Reconstructions = outcome?.Reconstructions ?? Array.Empty<ReconstructionReport>(),
            Metrics = metrics,
            Failure = outcome?.Failure,
            Dropped = training.Discarded.Count > 0 ? training.Discarded : null,
            Diverged = diverged,
            Consumed = plan.Staleness is { } stale ? training.Updates.Select(u => new ConsumedUpdate(u.ClientId, stale[u.ClientId], round - stale[u.ClientId])).ToArray() : null,
        };
        Diverged = diverged;
        NextRound = round + 1;
        if (_versions is not null)
        {
            _versions.Add(NextRound, Global);
        }

        _records.Add(record);
        return record;
    }

    /// <summary>What the run produced so far (the whole run once <see cref="Finished"/>).</summary>
    public ExperimentResult Result() =>
        new(_records.ToList(), Global, _backend.Layout, _adversary.FixedIdentities.Order().ToArray()) { Diverged = Diverged, DataFingerprint = DataFingerprint };

    /// <summary>
    /// Continues a run from a checkpoint: the records of the <paramref name="completed"/> rounds and the global model
    /// after them. The components' cross-round state is restored with <see cref="ReadState"/>. Every random stream is
    /// derived from (seed, purpose, round, client), so the round index is all the streams need to continue. An
    /// asynchronous run's past global models, which its stale clients train from, are part of that state.
    /// </summary>
    public void ResumeAt(IReadOnlyList<RoundRecord> completed, float[] global)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentNullException.ThrowIfNull(global);
        _backend.Layout.CheckLength(global.Length);

        if (completed.Count > _setup.Config.CommRound || completed.Select((r, i) => r.Round != i).Any(x => x))
        {
            throw new InvalidDataException($"A run resumes after rounds 0..k in order; the records hold rounds {string.Join(", ", completed.Select(r => r.Round))} of {_setup.Config.CommRound}.");
        }

        _records.Clear();
        _records.AddRange(completed);
        NextRound = completed.Count;
        Diverged = completed.Count > 0 ? completed[^1].Diverged : null;
        Global = global;
        _versions?.Add(NextRound, global);
    }

    /// <summary>
    /// Writes the cross-round state of the attack, each defense, the server optimizer and each extension section's
    /// component (DP's clip norm and accountant) (those that implement
    /// <see cref="ICrossRoundState"/>), each under its name, for a checkpoint.
    /// </summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var parts = StatefulParts();
        writer.Write(parts.Count);
        foreach (var (name, part) in parts)
        {
            using var buffer = new MemoryStream();
            using (var inner = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                part.WriteState(inner);
            }

            writer.Write(name);
            writer.Write((int)buffer.Length);
            writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote; throws <see cref="InvalidDataException"/> when it names other components.</summary>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parts = StatefulParts();
        int count = reader.ReadInt32();
        var saved = new List<string>();
        for (int i = 0; i < count; i++)
        {
            saved.Add(reader.ReadString());
            int length = reader.ReadInt32();
            var bytes = reader.ReadBytes(length);
            if (i < parts.Count && parts[i].Name == saved[^1])
            {
                using var inner = new BinaryReader(new MemoryStream(bytes));
                parts[i].Part.ReadState(inner);
            }
        }

        if (!saved.SequenceEqual(parts.Select(p => p.Name)))
        {
            throw new InvalidDataException($"The checkpoint holds the state of {Names(saved)}; this configuration's stateful components are {Names(parts.Select(p => p.Name).ToList())}.");
        }
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private List<(string Name, ICrossRoundState Part)> StatefulParts()
    {
        var parts = new List<(string, ICrossRoundState)>();
        if (_setup.Attack is { Instance: ICrossRoundState attack } configured)
        {
            parts.Add(($"attack {configured.Name}", attack));
        }

        for (int i = 0; i < _setup.Defenses.Count; i++)
        {
            if (_setup.Defenses[i].Instance is ICrossRoundState defense)
            {
                parts.Add(($"defense {i} {_setup.Defenses[i].Name}", defense));
            }
        }

        if (_optimizer is ICrossRoundState optimizer)
        {
            parts.Add(("server optimizer", optimizer));
        }

        if (_versions is not null)
        {
            parts.Add(("past global models", _versions));
        }

        foreach (var extension in _setup.Extensions)
        {
            if (extension.Instance is ICrossRoundState state)
            {
                parts.Add((extension.Section, state));
            }
        }

        return parts;
    }

    private RoundContext Context(RoundPlan plan, RoundBuffers? buffers = null) => new()
    {
        Round = plan.Round,
        TotalRounds = _setup.Config.CommRound,
        Global = plan.Global,
        Layout = _backend.Layout,
        SampledClients = plan.Sampled,
        MaliciousClients = plan.Malicious,
        Seeds = _seeds,
        TotalClients = _setup.Config.ClientNumInTotal,
        ClientData = _data.Clients.Count > 0 && _data.Kind == DataKind.Images ? id => (ImageSet)_data.Clients[id] : null,
        OutputDirectory = OutputDirectory,
        Buffers = buffers ?? _buffers,
        ServerTrainer = _data.ServerRoot is { } root ? length => TrainOnServer(plan, root, length) : null,
        ServerDataBytes = _data.ServerRoot is { } held ? (held.Pixels.LongLength * sizeof(float)) + (held.Labels.LongLength * sizeof(int)) : 0,
        Probe = _backend as IModelProbe,
        ServerSamples = _data.ServerRoot,
        UpdateBases = _setup.Config.FederatedOptimizer == FederatedOptimizer.FedAsync ? plan.StartModels : null,
    };

    private ServerTraining TrainOnServer(RoundPlan plan, ImageSet root, ServerTrainingLength length)
    {
        var settings = ServerTrainingSettings.For(length, _settings, plan.Sampled.Where(id => id < _data.Clients.Count).Select(id => _data.Clients[id].Count), root.Count);
        var weights = _backend.Train(plan.Global, root, settings, _seeds.Random("server-root", plan.Round), _seeds.DeriveInt("server-root", plan.Round)).Weights;
        bool nonFinite = weights.Length == _backend.Layout.Length && NonFinite.FirstIndex(weights) >= 0;
        return new ServerTraining(weights, nonFinite ? NonFinite.Describe(weights, NonFinite.FirstIndex(weights), _backend.Layout) : null);
    }

    /// <summary>
    /// Runs the server's side of a round on finite updates. The new global model being non-finite is a divergence at
    /// the aggregation (an overflow of finite numbers); the server's own root-set training diverging stops the round
    /// as a divergence at local training.
    /// </summary>
    private (ServerRound.Result? Outcome, Divergence? Diverged, float[]? DivergedModel) RunServer(IReadOnlyList<ClientUpdate> updates, RoundContext context, bool active, bool attackedAtClients)
    {
        return Checked(_server.Run(updates, context, active, attackedAtClients), context);
    }

    private static (ServerRound.Result? Outcome, Divergence? Diverged, float[]? DivergedModel) Checked(ServerRound.Result outcome, RoundContext context)
    {
        if (outcome.Diverged is { } stopped)
        {
            return (null, stopped, outcome.Global);
        }

        if (NonFinite.FirstIndex(outcome.Global) is int bad and >= 0)
        {
            var divergence = new Divergence(context.Round, DivergenceStage.Aggregation, null, $"the new global model holds {NonFinite.Describe(outcome.Global, bad, context.Layout)} although every update was finite");
            return (outcome, divergence, outcome.Global);
        }

        return (outcome, null, null);
    }

    private int[] SampleClients(int round)
    {
        var c = _setup.Config;
        if (c.ClientNumPerRound >= c.ClientNumInTotal)
        {
            return Enumerable.Range(0, c.ClientNumInTotal).ToArray();
        }

        return _seeds.Random("client-sampling", round).Choose(c.ClientNumInTotal, c.ClientNumPerRound);
    }
}
