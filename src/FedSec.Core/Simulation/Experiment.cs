using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.ServerOptimizers;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// A federated-learning simulation with FedMLSecurity's injection points. Each round: sample clients; each client
/// (poisoning its own data first when it is malicious and the attack is active) trains locally from the global
/// model; then the server runs <see cref="ServerRound"/>; then the new global model is evaluated on the clean test
/// set every <c>frequency_of_the_test</c> rounds and after the last. Clients train one after another, and every
/// random draw derives from (seed, round, client), so a run's numbers do not depend on the thread count.
/// </summary>
public sealed class Experiment
{
    private readonly ExperimentSetup _setup;
    private readonly IModelBackend _backend;
    private readonly ExperimentData _data;
    private readonly TimeProvider _time;
    private readonly PipelineStages _stages;
    private readonly AdversarySchedule _adversary;
    private readonly SeedStreams _seeds;
    private readonly List<IRoundMetric> _metrics = new();
    private float[]? _initialGlobal;
    private float[]? _freshInitial;

    /// <summary>Prepares a run; checks that the data match the configured number of clients.</summary>
    public Experiment(ExperimentSetup setup, IModelBackend backend, ExperimentData data, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(data);
        _setup = setup;
        _backend = backend;
        _data = data;
        _time = time ?? TimeProvider.System;
        var c = setup.Config;
        if (data.Clients.Count != c.ClientNumInTotal)
        {
            throw new ArgumentException($"The data holds {data.Clients.Count} client sets; client_num_in_total is {c.ClientNumInTotal}.", nameof(data));
        }

        _seeds = new SeedStreams(c.RandomSeed);
        _stages = new PipelineStages(setup);
        _adversary = new AdversarySchedule(c, _seeds, c.EnableAttack ? _stages.Controls?.MaliciousClients : null);
    }

    /// <summary>The configuration this run follows.</summary>
    public ExperimentConfig Config => _setup.Config;

    /// <summary>The malicious identities fixed for this run (empty with per-round selection).</summary>
    public IReadOnlySet<int> MaliciousIdentities => _adversary.FixedIdentities;

    /// <summary>
    /// The global model to start from (<c>model_args.initial_model</c>, loaded with <see cref="InitialModelFile"/>); null
    /// (the default) initialises a fresh model from the seed. Its length must be the layout's.
    /// </summary>
    public float[]? InitialGlobal
    {
        get => _initialGlobal;
        set
        {
            if (value is not null)
            {
                _backend.Layout.CheckLength(value.Length);
            }

            _initialGlobal = value;
        }
    }

    /// <summary>
    /// What the attack and the defenses that check their settings against the model (<see cref="IChecksInitialModel"/>)
    /// find wrong with the initial global model of this run (the same one <see cref="Run"/> starts from): warnings to
    /// show before running.
    /// </summary>
    public IReadOnlyList<string> CheckInitialModel()
    {
        var checkers = _setup.Components.OfType<IChecksInitialModel>().ToList();
        if (checkers.Count == 0)
        {
            return Array.Empty<string>();
        }

        var global = StartingModel();
        return checkers.SelectMany(c => c.CheckInitialModel(global, _backend.Layout, _setup.Config.CommRound)).ToList();
    }

    /// <summary>
    /// The run's output directory, handed to the server-side components through <see cref="RoundContext.OutputDirectory"/>
    /// (e.g. for reconstructed images); null (the default) when the run writes no files.
    /// </summary>
    public string? OutputDirectory { get; set; }

    // A copy of the model the run starts from, made once (CheckInitialModel and Run both need it).
    private float[] StartingModel() => (_initialGlobal ?? (_freshInitial ??= _backend.InitialWeights(_seeds.DeriveInt("model-init")))).ToArray();

    /// <summary>Adds a metric computed at each evaluation (attack success rate, per-class recall, ...).</summary>
    public Experiment AddMetric(IRoundMetric metric)
    {
        _metrics.Add(metric);
        return this;
    }

    /// <summary>
    /// Runs every round; returns the round records and the final global model. When honest computation makes the model
    /// non-finite (a client's local training, or the aggregation of finite updates overflowing), the run diverges: that
    /// round is evaluated on the non-finite model, recorded with <see cref="RoundRecord.Diverged"/>, and the run stops
    /// there (<see cref="ExperimentResult.Diverged"/>). A non-finite output of an attack or a defense still throws
    /// <see cref="InvalidUpdateException"/> naming the component.
    /// </summary>
    public ExperimentResult Run(IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        var c = _setup.Config;
        var layout = _backend.Layout;
        var global = StartingModel();
        layout.CheckLength(global.Length);
        var server = new ServerRound(_stages, ServerOptimizerFactory.Create(c));
        var settings = new LocalTrainingSettings(
            c.Epochs,
            c.BatchSize,
            c.ClientOptimizer,
            c.LearningRate,
            c.Momentum,
            c.WeightDecay,
            c.FederatedOptimizer == FederatedOptimizer.FedProx ? c.FedProxMu : 0);
        var records = new List<RoundRecord>();
        var buffers = new RoundBuffers();
        var clients = new ClientRound(_backend, _data, _seeds, _stages, _adversary);
        Divergence? diverged = null;
        for (int round = 0; round < c.CommRound && diverged is null; round++)
        {
            cancellation.ThrowIfCancellationRequested();
            long start = _time.GetTimestamp();
            IReadOnlyList<int> sampled = SampleClients(round);
            observer?.RoundStarted(round, sampled);
            bool active = _adversary.IsActive(round);
            var malicious = _adversary.MaliciousIn(round, sampled);
            var training = clients.Train(global, round, sampled, malicious, settings, observer, cancellation);
            diverged = training.Diverged;
            ServerRound.Result? outcome = null;
            float[]? divergedModel = training.DivergedWeights;
            var context = ServerContext(global, round, sampled, malicious, settings, buffers);
            if (diverged is null)
            {
                (outcome, diverged, divergedModel) = RunServer(server, training.Updates, context, active);
            }

            // A diverged round's model is the non-finite vector that stopped the run: the new global model, or the
            // local model whose training diverged (there is no new global model then).
            global = divergedModel ?? outcome!.Global;

            double? accuracy = null, loss = null;
            var metrics = new Dictionary<string, double>(context.Metrics);
            if ((round + 1) % c.FrequencyOfTheTest == 0 || round == c.CommRound - 1 || diverged is not null)
            {
                var eval = _backend.Evaluate(global, _data.Test);
                accuracy = eval.Accuracy;
                loss = eval.Loss;
                foreach (var m in _metrics)
                {
                    m.Compute(global, eval, _backend, metrics);
                }
            }

            var record = new RoundRecord
            {
                Round = round,
                Accuracy = accuracy,
                Loss = loss,
                TrainLoss = training.Updates.Count == 0 ? double.NaN : training.LossSum / training.Updates.Count,
                Seconds = _time.GetElapsedTime(start).TotalSeconds,
                Sampled = sampled,
                AttackActive = active,
                Attacked = malicious.OrderBy(x => x).ToArray(),
                Defenses = outcome?.Defenses ?? Array.Empty<DefenseRoundReport>(),
                Reconstructions = outcome?.Reconstructions ?? Array.Empty<ReconstructionReport>(),
                Metrics = metrics,
                Failure = outcome?.Failure,
                Diverged = diverged,
            };
            records.Add(record);
            observer?.RoundFinished(record);
        }

        return new ExperimentResult(records, global, layout, _adversary.FixedIdentities.OrderBy(x => x).ToArray()) { Diverged = diverged };
    }

    private RoundContext ServerContext(float[] global, int round, IReadOnlyList<int> sampled, IReadOnlySet<int> malicious, LocalTrainingSettings settings, RoundBuffers buffers) => new()
    {
        Round = round,
        TotalRounds = _setup.Config.CommRound,
        Global = global,
        Layout = _backend.Layout,
        SampledClients = sampled,
        MaliciousClients = malicious,
        Seeds = _seeds,
        TotalClients = _setup.Config.ClientNumInTotal,
        ClientData = id => _data.Clients[id],
        OutputDirectory = OutputDirectory,
        Buffers = buffers,
        ServerTrainer = _data.ServerRoot is { } root ? () => TrainOnServer(global, root, settings, round) : null,
    };

    private ServerTraining TrainOnServer(float[] global, ImageSet root, LocalTrainingSettings settings, int round)
    {
        var weights = _backend.Train(global, root, settings, _seeds.Random("server-root", round), _seeds.DeriveInt("server-root", round)).Weights;
        bool nonFinite = weights.Length == _backend.Layout.Length && NonFinite.FirstIndex(weights) >= 0;
        return new ServerTraining(weights, nonFinite ? NonFinite.Describe(weights, NonFinite.FirstIndex(weights), _backend.Layout) : null);
    }

    /// <summary>
    /// Runs the server's side of a round on finite updates. The new global model being non-finite is a divergence at
    /// the aggregation (an overflow of finite numbers); the server's own root-set training diverging stops the round
    /// as a divergence at local training.
    /// </summary>
    private static (ServerRound.Result? Outcome, Divergence? Diverged, float[]? DivergedModel) RunServer(ServerRound server, IReadOnlyList<ClientUpdate> updates, RoundContext context, bool active)
    {
        var outcome = server.Run(updates, context, active);
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
