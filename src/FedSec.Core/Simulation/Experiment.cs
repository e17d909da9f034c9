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
        _adversary = new AdversarySchedule(c, _seeds, c.EnableAttack ? _stages.Controls?.MaliciousClients : null, _stages.AttackRounds);
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
    /// non-finite (an honest client's local training, or the aggregation of finite updates overflowing), the run diverges
    /// (a malicious client's non-finite local model is left out of its round instead, <see cref="ClientTraining.Discarded"/>,
    /// and an honest one's too under <c>train_args.on_divergence: drop</c>): that
    /// round is evaluated on the non-finite model, recorded with <see cref="RoundRecord.Diverged"/>, and the run stops
    /// there (<see cref="ExperimentResult.Diverged"/>). A non-finite output of an attack or a defense still throws
    /// <see cref="InvalidUpdateException"/> naming the component.
    /// </summary>
    /// <param name="observer">Told of each round's start, each trained client and each round's end.</param>
    /// <param name="cancellation">Stops the run between clients and rounds.</param>
    public ExperimentResult Run(IExperimentObserver? observer = null, CancellationToken cancellation = default)
    {
        var server = CreateServer();
        var clients = CreateClients();
        while (!server.Finished)
        {
            cancellation.ThrowIfCancellationRequested();
            var plan = server.Plan();
            observer?.RoundStarted(plan.Round, plan.Sampled);
            var results = clients.Train(plan, plan.Sampled, observer, cancellation);
            var byId = results.OfType<ClientResult>().ToDictionary(r => r.ClientId);
            var record = server.Complete(plan, ClientTraining.Assemble(plan, byId));
            observer?.RoundFinished(record);
        }

        return server.Result();
    }

    /// <summary>
    /// The server's half of this experiment, starting from its initial model: a distributed server runs its rounds with
    /// clients in other processes. Each call makes a fresh server over the experiment's components (whose cross-round
    /// state is the experiment's: use one server per experiment).
    /// </summary>
    /// <param name="time">The clock for round durations; the experiment's by default.</param>
    public ExperimentServer CreateServer(TimeProvider? time = null) =>
        new(_setup, _backend, _data, _seeds, _stages, _adversary, _metrics, StartingModel(), time ?? _time) { OutputDirectory = OutputDirectory };

    /// <summary>The clients' half of this experiment: trains any of its clients on their own data (a node hosts some).</summary>
    public ExperimentClients CreateClients() => new(_setup, _backend, _data, _seeds, _stages);
}
